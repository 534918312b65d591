// SPDX-License-Identifier: GPL-2.0
/*
 * A lock taken under `a != b` and released under `a == b`'s else: the two
 * comparisons are one test with its outcomes swapped. The leak is the
 * empty-ring return between them, taken holding the lock whenever the
 * ring belonged to another device.
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
	if (r->owner != dev)
		spin_lock(&dev->lock);
	if (r->head == r->tail)
		return -ENODATA;	//~ unreleased-lock
	ring_drain(r);
	if (r->owner == dev)
		return 0;
	spin_unlock(&dev->lock);
	return 0;
}
