// SPDX-License-Identifier: GPL-2.0
/*
 * A tree split allocates a new buffer, which the allocator returns locked
 * (or an error pointer). This version records the new buffer in a cursor
 * on its own stack instead of the caller's path: nothing the caller can
 * reach refers to the buffer, and its lock is never released.
 */
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct tbuf {
	struct mutex lock;
	unsigned int nr_items;
};

struct tpath {
	struct tbuf *nodes[4];
	int slots[4];
};

static struct tbuf *tbuf_alloc_locked(gfp_t gfp)
{
	struct tbuf *b = kzalloc(sizeof(*b), gfp);

	if (!b)
		return ERR_PTR(-ENOMEM);
	mutex_init(&b->lock);
	mutex_lock(&b->lock);
	return b;
}

int tree_split_leaf(struct tpath *path, unsigned int mid)
{
	struct tpath cursor = {};
	struct tbuf *right;

	right = tbuf_alloc_locked(GFP_NOFS);
	if (IS_ERR(right))
		return PTR_ERR(right);

	/* Nothing to move: the split is not needed after all. */
	if (mid == 0) {
		mutex_unlock(&right->lock);
		kfree(right);
		return 0;
	}
	right->nr_items = mid;
	cursor.nodes[0] = right;
	cursor.slots[0] = 0;
	path->slots[0] = cursor.slots[0];
	return 0;	//~ unreleased-lock
}
