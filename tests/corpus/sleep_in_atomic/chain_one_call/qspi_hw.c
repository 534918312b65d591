// SPDX-License-Identifier: GPL-2.0
/*
 * Controller reset for the qspi driver: pulses the reset bit and gives the
 * controller five milliseconds to come back, with msleep().
 */
#include <linux/delay.h>
#include <linux/io.h>
#include "qspi.h"

#define QSPI_CTRL		0x00
#define QSPI_CTRL_RESET		0x01

void qspi_hw_reset(struct qspi_ctrl *qc)
{
	writel(QSPI_CTRL_RESET, qc->regs + QSPI_CTRL);
	msleep(5);
	writel(0, qc->regs + QSPI_CTRL);
}
