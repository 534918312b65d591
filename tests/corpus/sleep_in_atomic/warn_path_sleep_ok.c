// SPDX-License-Identifier: GPL-2.0
/*
 * A reference put in the style of btrfs' block groups: the last put frees
 * the group, and only if the group is wrongly still queued for discard does
 * it cancel the discard work, which sleeps. That branch is a bug the kernel
 * warns about, so callers putting a group under a spinlock do not sleep.
 * (The twin that always cancels is warn_path_sleep.c.)
 */
#include <linux/bug.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct bg_ctl {
	spinlock_t lock;
	struct delayed_work work;
	struct list_head groups;
};

struct bg_group {
	refcount_t refs;
	struct list_head discard_list;
	struct list_head node;
	struct bg_ctl *ctl;
};

static void bg_cancel_discard(struct bg_ctl *ctl, struct bg_group *bg)
{
	list_del_init(&bg->discard_list);
	cancel_delayed_work_sync(&ctl->work);
}

void bg_put(struct bg_group *bg)
{
	if (refcount_dec_and_test(&bg->refs)) {
		if (WARN_ON(!list_empty(&bg->discard_list)))
			bg_cancel_discard(bg->ctl, bg);
		kfree(bg);
	}
}

void bg_drop_unused(struct bg_ctl *ctl, struct bg_group *bg)
{
	spin_lock(&ctl->lock);
	list_del_init(&bg->node);
	bg_put(bg);
	spin_unlock(&ctl->lock);
}
