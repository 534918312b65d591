// SPDX-License-Identifier: GPL-2.0
/*
 * A per-CPU object cache in front of a shared pool. Allocation and free
 * hold this CPU's local lock and take the pool's spinlock inside it to
 * refill or flush a batch. The shrinker holds the pool lock and takes
 * the local lock to drain the current CPU's cache into the pool. On
 * PREEMPT_RT both are sleeping locks and the two orders deadlock; lockdep
 * reports the inversion on every configuration.
 */
#include <linux/cleanup.h>
#include <linux/list.h>
#include <linux/local_lock.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>

#define OBJC_BATCH	16

struct objc_stock {
	local_lock_t lock;
	unsigned int nr;
	void *objs[OBJC_BATCH];
};

static DEFINE_PER_CPU(struct objc_stock, objc_stock) = {
	.lock = INIT_LOCAL_LOCK(lock),
};

struct objc_pool {
	spinlock_t lock;		/* free, nr_free */
	void **free;
	unsigned int nr_free;
};

void *objc_alloc(struct objc_pool *pool)
{
	struct objc_stock *stock;
	unsigned long flags;
	void *obj = NULL;

	local_lock_irqsave(&objc_stock.lock, flags);
	stock = this_cpu_ptr(&objc_stock);
	if (!stock->nr) {
		spin_lock(&pool->lock);
		while (pool->nr_free && stock->nr < OBJC_BATCH)
			stock->objs[stock->nr++] = pool->free[--pool->nr_free];
		spin_unlock(&pool->lock);
	}
	if (stock->nr)
		obj = stock->objs[--stock->nr];
	local_unlock_irqrestore(&objc_stock.lock, flags);
	return obj;
}

void objc_free(struct objc_pool *pool, void *obj)
{
	struct objc_stock *stock;

	guard(local_lock_irqsave)(&objc_stock.lock);
	stock = this_cpu_ptr(&objc_stock);
	if (stock->nr == OBJC_BATCH) {
		spin_lock(&pool->lock);
		while (stock->nr)
			pool->free[pool->nr_free++] = stock->objs[--stock->nr];
		spin_unlock(&pool->lock);
	}
	stock->objs[stock->nr++] = obj;
}

void objc_shrink(struct objc_pool *pool)
{
	struct objc_stock *stock;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	local_lock(&objc_stock.lock);	//~ lock-order-cycle
	stock = this_cpu_ptr(&objc_stock);
	while (stock->nr)
		pool->free[pool->nr_free++] = stock->objs[--stock->nr];
	local_unlock(&objc_stock.lock);
	spin_unlock_irqrestore(&pool->lock, flags);
}
