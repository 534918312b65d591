// SPDX-License-Identifier: GPL-2.0
/*
 * The bug twin of helper_returns_irqs_off_ok.c. The flow reset between
 * fsch_conf_prep() and fsch_conf_finish() runs with interrupts off and is
 * fine, but after fsch_conf_finish() has re-enabled them the caller takes
 * the first flow's lock again with plain spin_lock() to clear its backlog.
 * If the flow's expiry timer fires on this CPU meanwhile, it spins on
 * f->lock forever. The finding is on that acquisition.
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
	if (ret)
		return ret;

	f = list_first_entry(&q->flows, struct fsch_flow, node);
	spin_lock(&f->lock);	//~ irq-unsafe-lock
	f->backlog = 0;
	spin_unlock(&f->lock);
	return 0;
}
