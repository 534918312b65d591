// SPDX-License-Identifier: GPL-2.0
/*
 * An RCU callback that waits for a work item. The filter object is freed
 * after a grace period, and the callback flushes the object's statistics
 * work before freeing it. RCU callbacks run in softirq context, and
 * flush_work() sleeps.
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct pfl_filter {
	struct rcu_head rcu;
	struct work_struct stats_work;
	u64 hits;
};

void pfl_stats_publish(struct pfl_filter *f);

static void pfl_stats_work(struct work_struct *work)
{
	struct pfl_filter *f = container_of(work, struct pfl_filter, stats_work);

	pfl_stats_publish(f);
}

static void pfl_free_rcu(struct rcu_head *head)
{
	struct pfl_filter *f = container_of(head, struct pfl_filter, rcu);

	flush_work(&f->stats_work);	//~ sleep-in-atomic
	kfree(f);
}

void pfl_filter_init(struct pfl_filter *f)
{
	INIT_WORK(&f->stats_work, pfl_stats_work);
}

void pfl_filter_release(struct pfl_filter *f)
{
	call_rcu(&f->rcu, pfl_free_rcu);
}
