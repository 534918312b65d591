// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of mm/memory.c's get_mmap_lock_carefully(): the helper
 * returns true holding the lock, taken by a trylock or, if that fails, by an
 * interruptible lock whose negated result it returns. Its caller proceeds
 * only on true. (The broken twin is returns_lock_test.c.)
 */
#include <linux/lockdep.h>
#include <linux/mutex.h>

struct ring_dev {
	struct mutex lock;
	bool dying;
	unsigned int head;
};

static void ring_advance(struct ring_dev *rd)
{
	lockdep_assert_held(&rd->lock);
	rd->head++;
}

static bool ring_lock_carefully(struct ring_dev *rd)
{
	if (likely(mutex_trylock(&rd->lock)))
		return true;
	if (rd->dying)
		return false;
	return !mutex_lock_interruptible(&rd->lock);
}

int ring_kick(struct ring_dev *rd)
{
	if (!ring_lock_carefully(rd))
		return -EINTR;
	ring_advance(rd);
	mutex_unlock(&rd->lock);
	return 0;
}
