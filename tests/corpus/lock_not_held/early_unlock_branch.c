// SPDX-License-Identifier: GPL-2.0
/*
 * Path-sensitive: the completion handler drops q->lock early on the error
 * branch to report the failure, and then falls through to the common
 * accounting, which requires the lock. On the success branch the lock is
 * still held at that call; only the error path is wrong.
 */
#include <linux/device.h>
#include <linux/spinlock.h>

struct cmdq {
	spinlock_t lock;		/* inflight, completed */
	struct device *dev;
	unsigned int inflight;
	unsigned int completed;
};

static void cmdq_account(struct cmdq *q)
	__must_hold(&q->lock)
{
	q->inflight--;
	q->completed++;
}

void cmdq_complete(struct cmdq *q, int status)
{
	spin_lock(&q->lock);
	if (status) {
		spin_unlock(&q->lock);
		dev_err(q->dev, "command failed: %d\n", status);
		cmdq_account(q);	//~ lock-not-held
		return;
	}
	cmdq_account(q);
	spin_unlock(&q->lock);
}
