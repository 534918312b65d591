// SPDX-License-Identifier: GPL-2.0
/*
 * Two instances of one lock class, parent then child, told apart the way
 * lockdep requires: the child's lock is taken with mutex_lock_nested(...,
 * SINGLE_DEPTH_NESTING) (and spin_lock_nested() for the stats lock). Not
 * a double lock.
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct cgnode {
	struct mutex lock;		/* children, limit */
	spinlock_t stats_lock;		/* usage */
	struct cgnode *parent;
	struct list_head children;
	struct list_head sibling;
	unsigned long limit;
	unsigned long usage;
};

int cgnode_set_limit(struct cgnode *child, unsigned long limit)
{
	struct cgnode *parent = child->parent;
	int ret = 0;

	mutex_lock(&parent->lock);
	mutex_lock_nested(&child->lock, SINGLE_DEPTH_NESTING);
	if (limit > parent->limit)
		ret = -EINVAL;
	else
		child->limit = limit;
	mutex_unlock(&child->lock);
	mutex_unlock(&parent->lock);
	return ret;
}

void cgnode_charge(struct cgnode *child, unsigned long pages)
{
	struct cgnode *parent = child->parent;

	spin_lock(&parent->stats_lock);
	spin_lock_nested(&child->stats_lock, SINGLE_DEPTH_NESTING);
	child->usage += pages;
	parent->usage += pages;
	spin_unlock(&child->stats_lock);
	spin_unlock(&parent->stats_lock);
}
