// SPDX-License-Identifier: GPL-2.0
/*
 * The hsm interrupt handler: accounts each received frame through
 * hsm_account_rx() (hsm_stats.c).
 */
#include <linux/io.h>
#include "hsm.h"

#define HSM_RX_LEN	0x00
#define HSM_RX_ERR	0x04

static irqreturn_t hsm_irq(int irq, void *dev_id)
{
	struct hsm_dev *hd = dev_id;
	u32 len = readl(hd->regs + HSM_RX_LEN);

	if (!len)
		return IRQ_NONE;
	hsm_account_rx(hd, len, readl(hd->regs + HSM_RX_ERR) != 0);
	return IRQ_HANDLED;
}

int hsm_setup_irq(struct hsm_dev *hd)
{
	spin_lock_init(&hd->stat_lock);
	return request_irq(hd->irq, hsm_irq, 0, "hsm", hd);
}
