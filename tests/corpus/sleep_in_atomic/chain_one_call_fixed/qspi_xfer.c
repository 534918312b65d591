// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of chain_one_call/: the wedged flag is tested and cleared
 * under the lock, and the sleeping reset runs after the lock is dropped,
 * before the transfer retakes it.
 */
#include <linux/io.h>
#include "qspi.h"

#define QSPI_DATA	0x10

int qspi_xfer_word(struct qspi_ctrl *qc, u32 word)
{
	bool reset;

	spin_lock(&qc->lock);
	reset = qc->wedged;
	qc->wedged = false;
	spin_unlock(&qc->lock);
	if (reset)
		qspi_hw_reset(qc);
	spin_lock(&qc->lock);
	writel(word, qc->regs + QSPI_DATA);
	qc->xfer_count++;
	spin_unlock(&qc->lock);
	return 0;
}
