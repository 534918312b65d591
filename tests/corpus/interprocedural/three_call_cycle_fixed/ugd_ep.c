// SPDX-License-Identifier: GPL-2.0
/*
 * Disabling the endpoint flushes its queue under ep_lock. Three calls down
 * (flush_queue -> giveback -> ctrl_ack, each in another file) the control
 * lock is taken: ep_lock, then ctrl_lock.
 */
#include <linux/io.h>
#include "ugd.h"

#define UGD_REG_EP_CTRL	0x20

void ugd_ep_disable(struct ugd *g)
{
	unsigned long flags;

	spin_lock_irqsave(&g->ep_lock, flags);
	writel(0, g->regs + UGD_REG_EP_CTRL);
	ugd_flush_queue(g, -ESHUTDOWN);
	spin_unlock_irqrestore(&g->ep_lock, flags);
}
