// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of cancel_work_sync_under_spinlock.c: the flag is set
 * under the lock, and the work items are waited for after it is dropped.
 */
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct lnk_dev {
	spinlock_t state_lock;		/* suspended */
	bool suspended;
	struct work_struct link_work;
	struct work_struct stats_work;
};

void lnk_check_link(struct lnk_dev *ld);
void lnk_read_stats(struct lnk_dev *ld);

static void lnk_link_work(struct work_struct *work)
{
	lnk_check_link(container_of(work, struct lnk_dev, link_work));
}

static void lnk_stats_work(struct work_struct *work)
{
	lnk_read_stats(container_of(work, struct lnk_dev, stats_work));
}

void lnk_init(struct lnk_dev *ld)
{
	spin_lock_init(&ld->state_lock);
	INIT_WORK(&ld->link_work, lnk_link_work);
	INIT_WORK(&ld->stats_work, lnk_stats_work);
}

void lnk_suspend(struct lnk_dev *ld)
{
	spin_lock(&ld->state_lock);
	ld->suspended = true;
	spin_unlock(&ld->state_lock);
	cancel_work_sync(&ld->link_work);
	flush_work(&ld->stats_work);
}
