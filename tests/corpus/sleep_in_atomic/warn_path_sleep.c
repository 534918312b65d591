// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of warn_path_sleep_ok.c whose last put cancels the discard work
 * whenever the group is queued, a state that is no bug: a caller putting the
 * group under a spinlock may sleep.
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
		if (!list_empty(&bg->discard_list))
			bg_cancel_discard(bg->ctl, bg);
		kfree(bg);
	}
}

void bg_drop_unused(struct bg_ctl *ctl, struct bg_group *bg)
{
	spin_lock(&ctl->lock);
	list_del_init(&bg->node);
	bg_put(bg);	//~ sleep-in-atomic
	spin_unlock(&ctl->lock);
}
