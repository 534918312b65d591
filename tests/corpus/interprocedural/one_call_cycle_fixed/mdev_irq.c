// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the interrupt thread drops irq_lock before it records the
 * error state, so state_lock is never taken under irq_lock.
 */
#include <linux/bits.h>
#include <linux/io.h>
#include "mdev.h"

#define MDEV_REG_IRQ_STATUS	0x04
#define MDEV_IRQ_FATAL		BIT(0)

void mdev_irq_thread(struct mdev *md)
{
	u32 status;

	spin_lock(&md->irq_lock);
	status = readl(md->regs + MDEV_REG_IRQ_STATUS) & md->irq_mask;
	md->pending |= status;
	spin_unlock(&md->irq_lock);

	if (status & MDEV_IRQ_FATAL)
		mdev_set_state(md, MDEV_STATE_ERROR);
}
