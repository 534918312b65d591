// SPDX-License-Identifier: GPL-2.0
/*
 * Dropping a node's last reference unlinks it and drops its reference on
 * the parent, which may in turn be the parent's last: knode_put_locked()
 * and knode_release() call each other, and the chain ends by dropping
 * tree->lock through ktree_unlock() (__releases). The bug twin of
 * cycle_passes_lock_ok.c: ktree_remove() notifies the listeners
 * before putting the node, so it takes the notify mutex while it still
 * holds the tree spinlock.
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
	mutex_lock(&t->notify_mutex);	//~ sleep-in-atomic
	ktree_notify_removed(t);
	mutex_unlock(&t->notify_mutex);

	knode_put_locked(t, n);
}
