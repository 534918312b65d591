// SPDX-License-Identifier: GPL-2.0
/*
 * A polling loop that takes the mailbox lock on every iteration. The
 * "still busy" branch backs off and `continue`s without dropping the
 * lock, so the next iteration's spin_lock() spins on a lock this CPU
 * holds. The loop only leaves through its two returns, both unlocked.
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
		spin_lock(&mb->lock);	//~ double-lock
		status = readl(mb->regs + HMBX_STATUS);
		if (status & HMBX_BUSY) {
			if (++tries > HMBX_TRIES) {
				spin_unlock(&mb->lock);
				return -ETIMEDOUT;
			}
			cpu_relax();
			continue;
		}
		mb->ack = status;
		spin_unlock(&mb->lock);
		return 0;
	}
}
