// SPDX-License-Identifier: GPL-2.0
/*
 * lockorder-corpus: known-gap(#11) the lock is passed along the recursion (each member releases it only through the other), and a call cycle's re-analysis starts every member as doing nothing, so the must-release is never established
 * Dropping a node's last reference unlinks it and drops its reference on
 * the parent, which may in turn be the parent's last: knode_put_locked()
 * and knode_release() call each other. Both are entered with tree->lock
 * held and return with it released, through ktree_unlock() (__releases)
 * at the end of the chain. ktree_remove() therefore takes the notify
 * mutex only after the lock is gone. The lock is released inside a
 * call-graph cycle, so each member's summary depends on the other's.
 */
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct knode {
	struct knode *parent;
	struct list_head sibling;
	unsigned int ref;		/* under ktree::lock */
	bool dead;
};

struct ktree {
	spinlock_t lock;		/* node links, refs, nr_nodes */
	struct mutex notify_mutex;	/* listeners */
	unsigned int nr_nodes;
};

void ktree_notify_removed(struct ktree *t);

static void ktree_unlock(struct ktree *t)
	__releases(&t->lock)
{
	spin_unlock(&t->lock);
}

static void knode_release(struct ktree *t, struct knode *n);

/* Called with t->lock held; returns with it released. */
static void knode_put_locked(struct ktree *t, struct knode *n)
{
	if (--n->ref) {
		ktree_unlock(t);
		return;
	}
	knode_release(t, n);
}

/* Unlink a dead node and drop its reference on its parent. */
static void knode_release(struct ktree *t, struct knode *n)
{
	struct knode *parent = n->parent;

	list_del(&n->sibling);
	t->nr_nodes--;
	if (parent)
		knode_put_locked(t, parent);
	else
		ktree_unlock(t);
	kfree(n);
}

void ktree_remove(struct ktree *t, struct knode *n)
{
	spin_lock(&t->lock);
	n->dead = true;
	knode_put_locked(t, n);

	mutex_lock(&t->notify_mutex);
	ktree_notify_removed(t);
	mutex_unlock(&t->notify_mutex);
}
