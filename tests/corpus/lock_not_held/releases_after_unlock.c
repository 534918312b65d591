// SPDX-License-Identifier: GPL-2.0
/*
 * A __releases helper called with the lock already dropped: the submit
 * path's full-ring branch unlocks to log, then ends through the helper that
 * unlocks and rings the doorbell, so txr->lock is released twice on that
 * path.
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/spinlock.h>

struct txr {
	spinlock_t lock;		/* head, tail, doorbell */
	struct device *dev;
	unsigned int head;
	unsigned int tail;
	unsigned int size;
	void __iomem *doorbell;
};

static void txr_unlock_and_kick(struct txr *r)
	__releases(&r->lock)
{
	unsigned int head = r->head;

	spin_unlock(&r->lock);
	writel(head, r->doorbell);
}

int txr_submit(struct txr *r)
{
	spin_lock(&r->lock);
	if (r->head - r->tail >= r->size) {
		spin_unlock(&r->lock);
		dev_warn_ratelimited(r->dev, "tx ring full\n");
		txr_unlock_and_kick(r);		//~ lock-not-held
		return -EBUSY;
	}
	r->head++;
	txr_unlock_and_kick(r);
	return 0;
}
