// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of split_driver/: the statistics reader and reset take
 * stat_lock with interrupts disabled.
 */
#include "hsm.h"

void hsm_get_stats(struct hsm_dev *hd, u64 *bytes, u64 *errors)
{
	unsigned long flags;

	spin_lock_irqsave(&hd->stat_lock, flags);
	*bytes = hd->rx_bytes;
	*errors = hd->rx_errors;
	spin_unlock_irqrestore(&hd->stat_lock, flags);
}

void hsm_reset_stats(struct hsm_dev *hd)
{
	spin_lock_irq(&hd->stat_lock);
	hd->rx_bytes = 0;
	hd->rx_errors = 0;
	spin_unlock_irq(&hd->stat_lock);
}
