// SPDX-License-Identifier: GPL-2.0
/*
 * Allocations under a spinlock with flags that never sleep: GFP_ATOMIC for
 * the entry that must exist, GFP_NOWAIT for the optional cache.
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct nbr {
	struct list_head node;
	u32 addr;
	u8 *hw_cache;
};

struct nbr_table {
	spinlock_t lock;		/* entries */
	struct list_head entries;
};

int nbr_learn(struct nbr_table *t, u32 addr)
{
	struct nbr *n;

	spin_lock(&t->lock);
	n = kzalloc(sizeof(*n), GFP_ATOMIC);
	if (!n) {
		spin_unlock(&t->lock);
		return -ENOMEM;
	}
	n->addr = addr;
	n->hw_cache = kmalloc(64, GFP_NOWAIT);
	list_add(&n->node, &t->entries);
	spin_unlock(&t->lock);
	return 0;
}
