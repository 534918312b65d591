// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the error branch accounts the command before it drops
 * q->lock to report the failure.
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
		cmdq_account(q);
		spin_unlock(&q->lock);
		dev_err(q->dev, "command failed: %d\n", status);
		return;
	}
	cmdq_account(q);
	spin_unlock(&q->lock);
}
