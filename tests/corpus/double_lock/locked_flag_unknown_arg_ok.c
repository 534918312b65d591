// SPDX-License-Identifier: GPL-2.0
/*
 * The put helper takes the pool lock unless its caller says it holds it.
 * The drain passes a flag it keeps in the pool, set while it holds the
 * lock: the analysis cannot tell the argument's truth, so it does not
 * claim the helper takes the lock a second time.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct pool_buf {
	struct list_head node;
};

struct pool {
	spinlock_t lock;		/* free_list, draining */
	struct list_head free_list;
	bool draining;
};

static void pool_buf_put(struct pool *p, struct pool_buf *b, bool locked)
{
	unsigned long flags;

	if (!locked)
		spin_lock_irqsave(&p->lock, flags);
	list_add(&b->node, &p->free_list);
	if (!locked)
		spin_unlock_irqrestore(&p->lock, flags);
}

void pool_drain(struct pool *p, struct pool_buf **bufs, int n)
{
	int i;

	spin_lock_irq(&p->lock);
	p->draining = true;
	for (i = 0; i < n; i++)
		pool_buf_put(p, bufs[i], p->draining);
	p->draining = false;
	spin_unlock_irq(&p->lock);
}
