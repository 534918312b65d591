// SPDX-License-Identifier: GPL-2.0
/*
 * A function entered holding the lock (__must_hold) that drops it to
 * sleep and takes it back each round is fine; its timeout path, though,
 * "drops the lock before returning" a second time — it was never
 * retaken after the msleep().
 */
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/spinlock.h>

#define DFIFO_DRAIN_TRIES	100

struct dfifo {
	spinlock_t lock;		/* count */
	unsigned int count;
};

/* Called with f->lock held; returns with it held. */
static int dfifo_wait_empty(struct dfifo *f)
	__must_hold(&f->lock)
{
	unsigned int tries = 0;

	while (f->count) {
		spin_unlock(&f->lock);
		msleep(1);
		if (++tries > DFIFO_DRAIN_TRIES) {
			spin_unlock(&f->lock);	//~ unbalanced-unlock
			return -ETIMEDOUT;
		}
		spin_lock(&f->lock);
	}
	return 0;
}
