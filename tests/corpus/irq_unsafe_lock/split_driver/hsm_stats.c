// SPDX-License-Identifier: GPL-2.0
/*
 * RX accounting for the hsm driver; called from the interrupt handler in
 * hsm_irq.c, so stat_lock is taken in hardirq context.
 */
#include "hsm.h"

void hsm_account_rx(struct hsm_dev *hd, u32 len, bool err)
{
	spin_lock(&hd->stat_lock);
	if (err)
		hd->rx_errors++;
	else
		hd->rx_bytes += len;
	spin_unlock(&hd->stat_lock);
}
