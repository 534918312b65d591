// SPDX-License-Identifier: GPL-2.0
/*
 * The state machine: state_lock guards the state, and suspend masks the
 * interrupts while it holds it — state_lock, then irq_lock.
 */
#include <linux/io.h>
#include "mdev.h"

#define MDEV_REG_IRQ_MASK	0x08

void mdev_set_state(struct mdev *md, unsigned int state)
{
	spin_lock(&md->state_lock);
	if (md->state != MDEV_STATE_SUSPENDED)
		md->state = state;
	spin_unlock(&md->state_lock);
}

void mdev_suspend(struct mdev *md)
{
	spin_lock(&md->state_lock);
	md->state = MDEV_STATE_SUSPENDED;
	spin_lock(&md->irq_lock);
	md->irq_mask = 0;
	writel(0, md->regs + MDEV_REG_IRQ_MASK);
	spin_unlock(&md->irq_lock);
	spin_unlock(&md->state_lock);
}
