/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _QSPI_H
#define _QSPI_H

#include <linux/spinlock.h>
#include <linux/types.h>

struct qspi_ctrl {
	spinlock_t lock;		/* xfer_count, regs */
	void __iomem *regs;
	unsigned int xfer_count;
	bool wedged;
};

void qspi_hw_reset(struct qspi_ctrl *qc);

#endif /* _QSPI_H */
