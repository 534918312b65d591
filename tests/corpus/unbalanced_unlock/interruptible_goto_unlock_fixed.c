// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of interruptible_goto_unlock.c: an interrupted
 * acquisition returns its error directly; only the path that holds the
 * lock reaches out_unlock.
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

struct gpux_submit {
	u64 cmdbuf;
	u32 len;
	u32 flags;
};

struct gpux {
	struct mutex submit_lock;	/* ring and seqno */
	u32 seqno;
};

int gpux_queue(struct gpux *gpu, const struct gpux_submit *req);

long gpux_ioctl_submit(struct gpux *gpu, struct gpux_submit __user *uarg)
{
	struct gpux_submit req;
	long ret;

	if (copy_from_user(&req, uarg, sizeof(req)))
		return -EFAULT;

	ret = mutex_lock_interruptible(&gpu->submit_lock);
	if (ret)
		return ret;
	ret = gpux_queue(gpu, &req);
	if (ret)
		goto out_unlock;
	gpu->seqno++;
out_unlock:
	mutex_unlock(&gpu->submit_lock);
	return ret;
}
