// SPDX-License-Identifier: GPL-2.0
/*
 * The bug twin of cycle_releases_lock_ok.c: the same put/release cycle,
 * which drops tree->lock before walking up to the parent, but
 * ktree_remove() notifies the listeners before it puts the node, so it
 * takes the notify mutex while it still holds the tree spinlock.
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

static void knode_put(struct ktree *t, struct knode *n);

static void knode_drop_parent(struct ktree *t, struct knode *n)
{
	if (n->parent)
		knode_put(t, n->parent);
}

/* Called with t->lock held; drops it, then the reference on the parent. */
static void knode_release(struct ktree *t, struct knode *n)
{
	list_del(&n->sibling);
	t->nr_nodes--;
	ktree_unlock(t);

	knode_drop_parent(t, n);
	kfree(n);
}

/* Called with t->lock held; returns with it released. */
static void knode_put_locked(struct ktree *t, struct knode *n)
{
	if (--n->ref) {
		ktree_unlock(t);
		return;
	}
	knode_release(t, n);
}

static void knode_put(struct ktree *t, struct knode *n)
{
	spin_lock(&t->lock);
	knode_put_locked(t, n);
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
