// SPDX-License-Identifier: GPL-2.0
/*
 * A tree split allocates a new buffer, which the allocator returns locked
 * (or an error pointer), and hands it to the caller through the search
 * path, as btrfs's split_leaf() does with path->nodes[0]. The caller
 * releases the path and with it the lock, so returning with the new
 * buffer locked is the contract, not a leak.
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
	path->nodes[0] = right;
	path->slots[0] = 0;
	return 0;
}
