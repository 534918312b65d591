// SPDX-License-Identifier: GPL-2.0
/*
 * Freeing a mailbox's buffer takes the HBA lock unless the caller says it
 * holds it. The logout handler holds the lock and says it does not: the
 * free takes the lock again.
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
	mbox_rsrc_cleanup(hba, mb, MBOX_THD_UNLOCKED);	//~ double-lock
	spin_unlock_irq(&hba->hbalock);
}

void hba_mbox_done(struct hba *hba, struct mbox *mb)
{
	mbox_rsrc_cleanup(hba, mb, MBOX_THD_UNLOCKED);
}
