// SPDX-License-Identifier: GPL-2.0
/*
 * Parent and child of one type: the caller holds the parent's lock and
 * calls a helper on the child, which takes the child's lock — the same
 * class, another instance, nested under the parent on purpose. Nothing is
 * taken twice.
 */
#include <linux/mutex.h>

struct tnode {
	struct mutex lock;
	struct tnode *parent;
	unsigned int nr_children;
};

static void tnode_touch(struct tnode *n)
{
	mutex_lock_nested(&n->lock, SINGLE_DEPTH_NESTING);
	n->nr_children++;
	mutex_unlock(&n->lock);
}

void tnode_add_child(struct tnode *parent, struct tnode *child)
{
	mutex_lock(&parent->lock);
	child->parent = parent;
	tnode_touch(child);
	mutex_unlock(&parent->lock);
}
