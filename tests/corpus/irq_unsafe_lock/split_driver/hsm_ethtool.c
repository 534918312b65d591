// SPDX-License-Identifier: GPL-2.0
/*
 * A lock taken in hardirq context in one file and with interrupts enabled
 * in another. The statistics reader and reset take stat_lock with a plain
 * spin_lock(); the interrupt handler (hsm_irq.c) takes it through
 * hsm_account_rx() (hsm_stats.c). The finding is on the first
 * process-context acquisition.
 */
#include "hsm.h"

void hsm_get_stats(struct hsm_dev *hd, u64 *bytes, u64 *errors)
{
	spin_lock(&hd->stat_lock);	//~ irq-unsafe-lock
	*bytes = hd->rx_bytes;
	*errors = hd->rx_errors;
	spin_unlock(&hd->stat_lock);
}

void hsm_reset_stats(struct hsm_dev *hd)
{
	spin_lock(&hd->stat_lock);
	hd->rx_bytes = 0;
	hd->rx_errors = 0;
	spin_unlock(&hd->stat_lock);
}
