// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the full-ring branch kicks the doorbell through the helper,
 * which drops txr->lock, and logs afterwards.
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
		txr_unlock_and_kick(r);
		dev_warn_ratelimited(r->dev, "tx ring full\n");
		return -EBUSY;
	}
	r->head++;
	txr_unlock_and_kick(r);
	return 0;
}
