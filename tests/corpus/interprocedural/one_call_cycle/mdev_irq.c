// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt thread records an error state while it still holds
 * irq_lock: irq_lock, then (inside mdev_set_state() in the other file)
 * state_lock. Neither file inverts a pair on its own.
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
	if (status & MDEV_IRQ_FATAL)
		mdev_set_state(md, MDEV_STATE_ERROR);
	spin_unlock(&md->irq_lock);
}
