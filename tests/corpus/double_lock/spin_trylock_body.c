// SPDX-License-Identifier: GPL-2.0
/*
 * The body of `if (spin_trylock(&l))` runs holding l. bufpool_put() trims
 * the free list opportunistically under a trylock, but trims through
 * bufpool_shrink(), which takes pool->lock itself. bufpool_drain() shows
 * the other polarity, `if (!spin_trylock(&l)) spin_lock(&l);` — count the
 * contention, then wait: only one acquisition on each path, not a relock.
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct bufpool_buf {
	struct list_head node;
	void *data;
};

struct bufpool {
	spinlock_t lock;		/* free list */
	struct list_head free;
	unsigned int nr_free;
	unsigned int high;
	atomic_t contended;
};

static void __bufpool_shrink(struct bufpool *pool, unsigned int target)
{
	struct bufpool_buf *buf;

	while (pool->nr_free > target) {
		buf = list_first_entry(&pool->free, struct bufpool_buf, node);
		list_del(&buf->node);
		pool->nr_free--;
		kfree(buf);
	}
}

static void bufpool_shrink(struct bufpool *pool, unsigned int target)
{
	spin_lock(&pool->lock);
	__bufpool_shrink(pool, target);
	spin_unlock(&pool->lock);
}

void bufpool_put(struct bufpool *pool, struct bufpool_buf *buf)
{
	spin_lock(&pool->lock);
	list_add(&buf->node, &pool->free);
	pool->nr_free++;
	spin_unlock(&pool->lock);

	/* whoever holds the lock now will trim instead */
	if (spin_trylock(&pool->lock)) {
		if (pool->nr_free > pool->high)
			bufpool_shrink(pool, pool->high / 2);	//~ double-lock
		spin_unlock(&pool->lock);
	}
}

void bufpool_drain(struct bufpool *pool)
{
	if (!spin_trylock(&pool->lock)) {
		atomic_inc(&pool->contended);
		spin_lock(&pool->lock);
	}
	__bufpool_shrink(pool, 0);
	spin_unlock(&pool->lock);
}
