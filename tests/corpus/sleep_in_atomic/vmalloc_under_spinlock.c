// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc() with a spinlock held. Growing the trace buffer allocates the
 * larger buffer inside the buffer lock; vmalloc() always may sleep, it
 * takes no GFP flags to say otherwise. (The old buffer is freed after the
 * unlock: vfree() may sleep too outside interrupt context.)
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

	spin_lock(&tb->lock);
	if (new_size <= tb->size) {
		spin_unlock(&tb->lock);
		return 0;
	}
	nd = vmalloc(new_size);	//~ sleep-in-atomic
	if (!nd) {
		spin_unlock(&tb->lock);
		return -ENOMEM;
	}
	memcpy(nd, tb->data, tb->used);
	old = tb->data;
	tb->data = nd;
	tb->size = new_size;
	spin_unlock(&tb->lock);
	vfree(old);
	return 0;
}
