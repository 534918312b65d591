// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of spin_trylock_body.c: inside the trylock body the pool
 * is trimmed with __bufpool_shrink(), which expects the lock held. The
 * trylock-then-wait shape of bufpool_drain() is unchanged and clean.
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

void bufpool_shrink(struct bufpool *pool, unsigned int target)
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
			__bufpool_shrink(pool, pool->high / 2);
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
