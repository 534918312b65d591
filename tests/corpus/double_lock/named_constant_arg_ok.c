// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of named_constant_arg.c whose logout handler says it holds the
 * HBA lock: the free uses the lockless helper.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>

enum mbox_thd {
	MBOX_THD_UNLOCKED,
	MBOX_THD_LOCKED
};

struct hba {
	spinlock_t hbalock;
	struct list_head bufs;
};

struct mbox {
	void *buf;
	struct list_head list;
};

static void __hba_buf_free(struct hba *hba, void *buf)
{
	kfree(buf);
}

static void hba_buf_free(struct hba *hba, void *buf)
{
	unsigned long flags;

	spin_lock_irqsave(&hba->hbalock, flags);
	__hba_buf_free(hba, buf);
	spin_unlock_irqrestore(&hba->hbalock, flags);
}

static void mbox_rsrc_cleanup(struct hba *hba, struct mbox *mb,
			      enum mbox_thd locked)
{
	if (locked == MBOX_THD_LOCKED)
		__hba_buf_free(hba, mb->buf);
	else
		hba_buf_free(hba, mb->buf);
	kfree(mb);
}

void hba_logout(struct hba *hba, struct mbox *mb)
{
	spin_lock_irq(&hba->hbalock);
	list_del(&mb->list);
	mbox_rsrc_cleanup(hba, mb, MBOX_THD_LOCKED);
	spin_unlock_irq(&hba->hbalock);
}

void hba_mbox_done(struct hba *hba, struct mbox *mb)
{
	mbox_rsrc_cleanup(hba, mb, MBOX_THD_UNLOCKED);
}
