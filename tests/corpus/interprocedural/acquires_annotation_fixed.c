// SPDX-License-Identifier: GPL-2.0
/*
 * dq_lock() takes the queue lock in code the checker does not see (an arch helper); its
 * __acquires() annotation is the contract. Under dq_stat_lock it orders the queue lock
 * after the statistics lock. Fixed: the queue lock is taken first, as in dq_account().
 */
#include <linux/spinlock.h>

struct dq {
	spinlock_t	lock;
	unsigned int	depth;
};

static DEFINE_SPINLOCK(dq_stat_lock);
static unsigned long dq_total;

void arch_dq_lock(struct dq *q);
void arch_dq_unlock(struct dq *q);

void dq_lock(struct dq *q)
	__acquires(&q->lock)
{
	arch_dq_lock(q);
}

void dq_unlock(struct dq *q)
	__releases(&q->lock)
{
	arch_dq_unlock(q);
}

void dq_stats_reset(struct dq *q)
{
	dq_lock(q);
	spin_lock(&dq_stat_lock);
	q->depth = 0;
	dq_total = 0;
	spin_unlock(&dq_stat_lock);
	dq_unlock(q);
}

void dq_account(struct dq *q)
{
	spin_lock(&q->lock);
	spin_lock(&dq_stat_lock);
	dq_total += q->depth;
	spin_unlock(&dq_stat_lock);
	spin_unlock(&q->lock);
}
