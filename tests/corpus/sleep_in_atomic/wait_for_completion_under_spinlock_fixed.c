// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of wait_for_completion_under_spinlock.c: commands are
 * serialised by a mutex, under which the path may wait for the response.
 */
#include <linux/completion.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>

#define FWC_CMD		0x00
#define FWC_RESP	0x04

struct fwc_dev {
	struct mutex cmd_lock;		/* one command in flight */
	struct completion resp_done;
	void __iomem *regs;
};

int fwc_exec(struct fwc_dev *fd, u32 cmd, u32 *resp)
{
	unsigned long left;

	mutex_lock(&fd->cmd_lock);
	reinit_completion(&fd->resp_done);
	writel(cmd, fd->regs + FWC_CMD);
	left = wait_for_completion_timeout(&fd->resp_done, msecs_to_jiffies(100));
	if (left)
		*resp = readl(fd->regs + FWC_RESP);
	mutex_unlock(&fd->cmd_lock);
	return left ? 0 : -ETIMEDOUT;
}
