// SPDX-License-Identifier: GPL-2.0
/*
 * The status update takes the device lock itself, so it must be called
 * without it.
 */
#include <linux/io.h>
#include "bkl.h"

#define BKL_REG_LEVEL	0x00
#define BKL_REG_POWER	0x04

void bkl_update_status(struct bkl_dev *d)
{
	mutex_lock(&d->lock);
	writel(d->power ? d->brightness : 0, d->regs + BKL_REG_LEVEL);
	writel(d->power, d->regs + BKL_REG_POWER);
	mutex_unlock(&d->lock);
}
