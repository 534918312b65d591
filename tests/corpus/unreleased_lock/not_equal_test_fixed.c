// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of not_equal_test.c: the empty-ring check runs before
 * the lock. What is left is a lock taken under `a != b` and released
 * unless `a == b`, which must stay silent: the two comparisons are one
 * test, so no path returns early holding the lock or unlocks untaken.
 */
#include <linux/errno.h>
#include <linux/spinlock.h>

struct ring_dev {
	spinlock_t lock;		/* the rings this device borrowed */
};

struct ring {
	struct ring_dev *owner;
	unsigned int head, tail;
};

void ring_drain(struct ring *r);

int ring_flush(struct ring *r, struct ring_dev *dev)
{
	if (r->head == r->tail)
		return -ENODATA;
	if (r->owner != dev)
		spin_lock(&dev->lock);
	ring_drain(r);
	if (r->owner == dev)
		return 0;
	spin_unlock(&dev->lock);
	return 0;
}
