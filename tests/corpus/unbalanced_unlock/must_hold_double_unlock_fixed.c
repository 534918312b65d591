// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of must_hold_double_unlock.c: the timeout path takes the
 * lock back before it returns, so the function keeps its contract —
 * entered and left holding f->lock — on every path: dropped and retaken
 * around the sleep, neither leaked (LO003) nor released twice (LO004).
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
		spin_lock(&f->lock);
		if (++tries > DFIFO_DRAIN_TRIES)
			return -ETIMEDOUT;
	}
	return 0;
}

int dfifo_flush(struct dfifo *f)
{
	int ret;

	spin_lock(&f->lock);
	ret = dfifo_wait_empty(f);
	spin_unlock(&f->lock);
	return ret;
}
