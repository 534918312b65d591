// SPDX-License-Identifier: GPL-2.0
/*
 * A sleep one call away, in another file. The transfer path recovers a
 * wedged controller by calling qspi_hw_reset() with the controller
 * spinlock held; the reset sleeps (qspi_hw.c). The finding is on the call.
 */
#include <linux/io.h>
#include "qspi.h"

#define QSPI_DATA	0x10

int qspi_xfer_word(struct qspi_ctrl *qc, u32 word)
{
	spin_lock(&qc->lock);
	if (qc->wedged) {
		qspi_hw_reset(qc);	//~ sleep-in-atomic
		qc->wedged = false;
	}
	writel(word, qc->regs + QSPI_DATA);
	qc->xfer_count++;
	spin_unlock(&qc->lock);
	return 0;
}
