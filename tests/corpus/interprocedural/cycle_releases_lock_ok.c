// SPDX-License-Identifier: GPL-2.0
/*
 * Putting a node's last reference releases it, and releasing a node puts
 * its reference on the parent: knode_put() -> knode_put_locked() ->
 * knode_release() -> knode_drop_parent() -> knode_put() is a call-graph
 * cycle. knode_put_locked() is entered with tree->lock held and returns
 * with it released, on one path through ktree_unlock() (__releases), on
 * the other through knode_release(), which drops the lock itself before
 * it walks up to the parent. ktree_remove() therefore takes the notify
 * mutex only after the spinlock is gone. knode_put_locked()'s release
 * through knode_release() is only seen once the cycle's members are
 * analysed with each other's summaries.
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
	knode_put_locked(t, n);

	mutex_lock(&t->notify_mutex);
	ktree_notify_removed(t);
	mutex_unlock(&t->notify_mutex);
}
