// SPDX-License-Identifier: GPL-2.0
/*
 * A configuration path split into a prepare helper that returns with
 * sch->queue_lock held by spin_lock_irq() (__acquires) and a finish helper
 * that drops it with spin_unlock_irq() (__releases). Between the two the
 * caller resets a flow, and the reset takes the flow's lock with plain
 * spin_lock(). The flow's expiry timer takes the same lock, but interrupts
 * are off for the whole stretch between the helpers, so the timer cannot
 * run on this CPU while the reset holds it: no irq-unsafe usage.
 */
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct fsch_flow {
	spinlock_t lock;		/* credit, backlog */
	struct timer_list expire;
	struct list_head node;
	unsigned int credit;
	unsigned int backlog;
};

struct fsch {
	spinlock_t queue_lock;		/* flows, quantum */
	struct list_head flows;
	unsigned int quantum;
};

static void fsch_flow_expire(struct timer_list *t)
{
	struct fsch_flow *f = from_timer(f, t, expire);
	unsigned long flags;

	spin_lock_irqsave(&f->lock, flags);
	f->credit = 0;
	spin_unlock_irqrestore(&f->lock, flags);
}

void fsch_flow_init(struct fsch_flow *f)
{
	spin_lock_init(&f->lock);
	timer_setup(&f->expire, fsch_flow_expire, 0);
	mod_timer(&f->expire, jiffies + HZ);
}

static int fsch_conf_prep(struct fsch *q)
	__acquires(&q->queue_lock)
{
	spin_lock_irq(&q->queue_lock);
	if (list_empty(&q->flows))
		return -ENOENT;
	return 0;
}

static void fsch_conf_finish(struct fsch *q)
	__releases(&q->queue_lock)
{
	spin_unlock_irq(&q->queue_lock);
}

/* called with interrupts off, from fsch_set_quantum() only */
static void fsch_flow_reset(struct fsch_flow *f, unsigned int quantum)
{
	spin_lock(&f->lock);
	f->credit = quantum;
	f->backlog = 0;
	spin_unlock(&f->lock);
}

int fsch_set_quantum(struct fsch *q, unsigned int quantum)
{
	struct fsch_flow *f;
	int ret;

	ret = fsch_conf_prep(q);
	if (!ret) {
		q->quantum = quantum;
		list_for_each_entry(f, &q->flows, node)
			fsch_flow_reset(f, quantum);
	}
	fsch_conf_finish(q);
	return ret;
}
