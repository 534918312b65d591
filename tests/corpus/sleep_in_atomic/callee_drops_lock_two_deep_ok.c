// SPDX-License-Identifier: GPL-2.0
/*
 * The chip reset drops the caller's lock around a sleep and retakes it
 * (as tg3_chip_reset() does around synchronize_irq()); it is reached
 * through a halt helper that neither takes nor drops the lock itself. The
 * sleep runs with the lock released, two calls below the holder.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#define NIC_RESET	0x04

struct nic {
	spinlock_t lock;		/* regs, resets */
	void __iomem *regs;
	unsigned int resets;
	struct work_struct reset_task;
};

static void nic_chip_reset(struct nic *n)
	__must_hold(&n->lock)
{
	writel(1, n->regs + NIC_RESET);
	spin_unlock_bh(&n->lock);
	msleep(20);
	spin_lock_bh(&n->lock);
	n->resets++;
}

static void nic_halt(struct nic *n)
{
	writel(0, n->regs + NIC_RESET);
	nic_chip_reset(n);
}

static void nic_reset_task(struct work_struct *work)
{
	struct nic *n = container_of(work, struct nic, reset_task);

	spin_lock_bh(&n->lock);
	nic_halt(n);
	spin_unlock_bh(&n->lock);
}

void nic_init(struct nic *n)
{
	spin_lock_init(&n->lock);
	INIT_WORK(&n->reset_task, nic_reset_task);
}
