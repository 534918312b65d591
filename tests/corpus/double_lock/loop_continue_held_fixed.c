// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of loop_continue_held.c: the back-off branch drops the
 * lock before it relaxes and continues, so every iteration starts with
 * the lock free.
 */
#include <linux/io.h>
#include <linux/spinlock.h>

#define HMBX_STATUS	0x08
#define HMBX_BUSY	0x01
#define HMBX_TRIES	1000

struct hmbx {
	spinlock_t lock;		/* status register and ack */
	void __iomem *regs;
	u32 ack;
};

int hmbx_wait_ack(struct hmbx *mb)
{
	unsigned int tries = 0;
	u32 status;

	for (;;) {
		spin_lock(&mb->lock);
		status = readl(mb->regs + HMBX_STATUS);
		if (status & HMBX_BUSY) {
			spin_unlock(&mb->lock);
			if (++tries > HMBX_TRIES)
				return -ETIMEDOUT;
			cpu_relax();
			continue;
		}
		mb->ack = status;
		spin_unlock(&mb->lock);
		return 0;
	}
}
