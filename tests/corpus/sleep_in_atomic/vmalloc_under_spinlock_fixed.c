// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of vmalloc_under_spinlock.c: the new buffer is allocated
 * before the lock, the copy and swap happen under it, and whichever buffer
 * is unused is freed after it is dropped.
 */
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

struct tbuf {
	spinlock_t lock;		/* data, size, used */
	void *data;
	size_t size;
	size_t used;
};

int tbuf_grow(struct tbuf *tb, size_t new_size)
{
	void *nd, *old;

	nd = vmalloc(new_size);
	if (!nd)
		return -ENOMEM;
	spin_lock(&tb->lock);
	if (new_size <= tb->size) {
		spin_unlock(&tb->lock);
		vfree(nd);
		return 0;
	}
	memcpy(nd, tb->data, tb->used);
	old = tb->data;
	tb->data = nd;
	tb->size = new_size;
	spin_unlock(&tb->lock);
	vfree(old);
	return 0;
}
