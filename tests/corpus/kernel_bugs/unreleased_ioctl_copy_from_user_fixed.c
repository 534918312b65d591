// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of unreleased_ioctl_copy_from_user.c: the copy failure
 * jumps to out_unlock like the other error paths.
 *
 * The bug was a missing unlock on a copy_from_user() failure in an ioctl.
 *
 * Every other error path of the SET_PARAMS ioctl jumps to out_unlock, but
 * the copy_from_user() failure was written as a plain "return -EFAULT":
 * a user passing a bad pointer leaves dsp->lock held and every later open
 * or ioctl of the device hangs.
 *
 * Modelled on the "fix missing unlock on error in ...()" fixes (a long
 * series found by static checkers: "Add the missing unlock before return
 * from function ...() in the error handling case").
 */
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define DSPX_IOC_SET_PARAMS	_IOW('D', 1, struct dspx_params)
#define DSPX_MAX_RATE		192000

struct dspx_params {
	u32 rate;
	u32 channels;
	u32 period;
};

struct dspx_dev {
	struct mutex lock;		/* params, running */
	struct dspx_params params;
	bool running;
};

int dspx_hw_apply(struct dspx_dev *dsp);

static long dspx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct dspx_dev *dsp = file->private_data;
	struct dspx_params p;
	long ret = 0;

	if (cmd != DSPX_IOC_SET_PARAMS)
		return -ENOTTY;

	mutex_lock(&dsp->lock);
	if (dsp->running) {
		ret = -EBUSY;
		goto out_unlock;
	}
	if (copy_from_user(&p, (void __user *)arg, sizeof(p))) {
		ret = -EFAULT;
		goto out_unlock;
	}
	if (!p.rate || p.rate > DSPX_MAX_RATE || !p.channels) {
		ret = -EINVAL;
		goto out_unlock;
	}
	dsp->params = p;
	ret = dspx_hw_apply(dsp);
out_unlock:
	mutex_unlock(&dsp->lock);
	return ret;
}

static const struct file_operations dspx_fops = {
	.unlocked_ioctl = dspx_ioctl,
};
