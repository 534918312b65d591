// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of local_lock_pool_spinlock.c: the shrinker takes this
 * CPU's local lock first and the pool lock inside it, like allocation and
 * free.
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

	local_lock_irqsave(&objc_stock.lock, flags);
	spin_lock(&pool->lock);
	stock = this_cpu_ptr(&objc_stock);
	while (stock->nr)
		pool->free[pool->nr_free++] = stock->objs[--stock->nr];
	spin_unlock(&pool->lock);
	local_unlock_irqrestore(&objc_stock.lock, flags);
}
