// SPDX-License-Identifier: GPL-2.0
/*
 * Control endpoint: the ack takes ctrl_lock alone, and a SETUP packet that
 * resets the endpoints does so with ctrl_lock held — ctrl_lock, then
 * ep_lock. Only with all four files is the cycle visible.
 */
#include <linux/io.h>
#include "ugd.h"

#define UGD_REG_CTRL_ACK	0x30
#define UGD_CTRL_IDLE		0

void ugd_ctrl_ack(struct ugd *g)
{
	unsigned long flags;

	spin_lock_irqsave(&g->ctrl_lock, flags);
	writel(1, g->regs + UGD_REG_CTRL_ACK);
	g->ack_pending = false;
	spin_unlock_irqrestore(&g->ctrl_lock, flags);
}

void ugd_ctrl_setup_reset(struct ugd *g)
{
	struct ugd_req *req;
	unsigned long flags;

	spin_lock_irqsave(&g->ctrl_lock, flags);
	g->ctrl_state = UGD_CTRL_IDLE;
	spin_lock(&g->ep_lock);
	list_for_each_entry(req, &g->ep_queue, node)
		req->status = -ECONNRESET;
	spin_unlock(&g->ep_lock);
	spin_unlock_irqrestore(&g->ctrl_lock, flags);
}
