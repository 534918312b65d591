// SPDX-License-Identifier: GPL-2.0
/*
 * Growing a tree by a new root: the helper allocates the root locked, as
 * btrfs's insert_new_root() does, but this version links it into the tree
 * without storing it in the caller's path. Nothing the caller's caller
 * releases refers to the new root, so returning with it locked leaks the
 * lock.
 */
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct tnode {
	struct mutex lock;
	unsigned int level;
};

struct tpath {
	struct tnode *nodes[8];
};

static struct tnode *tnode_alloc_locked(unsigned int level)
{
	struct tnode *n = kzalloc(sizeof(*n), GFP_NOFS);

	if (!n)
		return ERR_PTR(-ENOMEM);
	mutex_init(&n->lock);
	mutex_lock(&n->lock);
	n->level = level;
	return n;
}

void tree_link_root(struct tnode *root);

static int tree_new_root(struct tpath *path, unsigned int level)
{
	struct tnode *root;

	root = tnode_alloc_locked(level);
	if (IS_ERR(root))
		return PTR_ERR(root);
	tree_link_root(root);
	return 0;
}

int tree_grow(struct tpath *path, unsigned int level, bool dry_run)
{
	int ret;

	ret = tree_new_root(path, level + 1);
	if (ret)
		return ret;
	if (dry_run) {
		mutex_unlock(&path->nodes[level + 1]->lock);
		kfree(path->nodes[level + 1]);
		path->nodes[level + 1] = NULL;
		return 0;
	}
	return 0;	//~ unreleased-lock
}
