// SPDX-License-Identifier: GPL-2.0
/*
 * dq_trylock() returns non-zero holding the queue lock, as its __cond_acquires()
 * annotation says (the lock is taken in an arch helper the checker does not see). On
 * success, dq_try_drain() takes the statistics lock under it, against
 * dq_stats_snapshot()'s order.
 */
#include <linux/spinlock.h>

struct dq {
	spinlock_t	lock;
	unsigned int	depth;
};

static DEFINE_SPINLOCK(dq_stat_lock);
static unsigned long dq_drained;

int arch_dq_trylock(struct dq *q);
void arch_dq_unlock(struct dq *q);

int dq_trylock(struct dq *q)
	__cond_acquires(&q->lock)
{
	return arch_dq_trylock(q);
}

void dq_unlock(struct dq *q)
	__releases(&q->lock)
{
	arch_dq_unlock(q);
}

void dq_try_drain(struct dq *q)
{
	if (!dq_trylock(q))
		return;
	spin_lock(&dq_stat_lock);
	dq_drained += q->depth;
	spin_unlock(&dq_stat_lock);
	q->depth = 0;
	dq_unlock(q);
}

unsigned long dq_stats_snapshot(struct dq *q)
{
	unsigned long d;

	spin_lock(&dq_stat_lock);
	spin_lock(&q->lock);	//~ lock-order-cycle
	d = dq_drained + q->depth;
	spin_unlock(&q->lock);
	spin_unlock(&dq_stat_lock);
	return d;
}
