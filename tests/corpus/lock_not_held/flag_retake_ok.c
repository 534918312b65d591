// SPDX-License-Identifier: GPL-2.0
/*
 * Entered holding the ring lock, which the caller expects held on return.
 * The refill loop drops it to reschedule and records that in `locked`,
 * which starts out true: the lock is retaken under `if (!locked)` only
 * after it was dropped, so every call to the helper that asserts it holds.
 */
#include <linux/sched.h>
#include <linux/spinlock.h>

struct ring {
	spinlock_t lock;
	unsigned int n;
	void *slot[64];
};

static void ring_fill_one(struct ring *r, unsigned int i)
{
	lockdep_assert_held(&r->lock);
	r->slot[i] = NULL;
}

void ring_refill(struct ring *r)
{
	bool locked = true;
	unsigned int i;

	for (i = 0; i < r->n; i++) {
		if (!locked) {
			spin_lock(&r->lock);
			locked = true;
		}
		ring_fill_one(r, i);
		if (need_resched()) {
			spin_unlock(&r->lock);
			locked = false;
			cond_resched();
		}
	}
	if (!locked)
		spin_lock(&r->lock);
}
