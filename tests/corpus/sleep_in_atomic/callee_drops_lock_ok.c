// SPDX-License-Identifier: GPL-2.0
/*
 * A callee entered with the caller's spinlock held that drops it around a
 * sleep and retakes it before returning (__must_hold): the msleep() runs
 * with the lock released, so the caller's call is not a sleep under the
 * lock.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define FLC_STATUS	0x00
#define FLC_BUSY	0x01

struct flc {
	spinlock_t lock;		/* regs, ops */
	void __iomem *regs;
	unsigned int ops;
};

static void flc_wait_idle(struct flc *d)
	__must_hold(&d->lock)
{
	while (readl(d->regs + FLC_STATUS) & FLC_BUSY) {
		spin_unlock(&d->lock);
		msleep(1);
		spin_lock(&d->lock);
	}
}

void flc_erase(struct flc *d, u32 cmd)
{
	spin_lock(&d->lock);
	flc_wait_idle(d);
	writel(cmd, d->regs + FLC_STATUS);
	d->ops++;
	spin_unlock(&d->lock);
}
