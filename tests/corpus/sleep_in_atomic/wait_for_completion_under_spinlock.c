// SPDX-License-Identifier: GPL-2.0
/*
 * wait_for_completion_timeout() with a spinlock held. The firmware command
 * path keeps the command lock across the whole exchange and waits for the
 * response interrupt under it.
 */
#include <linux/completion.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

#define FWC_CMD		0x00
#define FWC_RESP	0x04

struct fwc_dev {
	spinlock_t cmd_lock;		/* one command in flight */
	struct completion resp_done;
	void __iomem *regs;
};

int fwc_exec(struct fwc_dev *fd, u32 cmd, u32 *resp)
{
	unsigned long left;

	spin_lock(&fd->cmd_lock);
	reinit_completion(&fd->resp_done);
	writel(cmd, fd->regs + FWC_CMD);
	left = wait_for_completion_timeout(&fd->resp_done, msecs_to_jiffies(100));	//~ sleep-in-atomic
	if (left)
		*resp = readl(fd->regs + FWC_RESP);
	spin_unlock(&fd->cmd_lock);
	return left ? 0 : -ETIMEDOUT;
}
