// SPDX-License-Identifier: GPL-2.0
/*
 * Conditional acquisitions still wait. read() takes io_mutex with
 * mutex_lock_interruptible() and then cfg_mutex; the SET_MODE ioctl holds
 * cfg_mutex and then waits for io_mutex with mutex_lock_killable(). A fatal
 * signal may end the wait, but nothing guarantees one comes: this is an
 * AB-BA inversion, and the failure paths (which hold nothing new) do not
 * change that.
 */
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define FOO_IOC_SET_MODE	_IOW('f', 1, unsigned int)

struct foo_chardev {
	struct mutex io_mutex;		/* buf, len */
	struct mutex cfg_mutex;		/* mode */
	unsigned int mode;
	u8 buf[64];
	size_t len;
};

static ssize_t foo_read(struct file *file, char __user *ubuf, size_t count,
			loff_t *ppos)
{
	struct foo_chardev *fc = file->private_data;
	ssize_t ret;

	if (mutex_lock_interruptible(&fc->io_mutex))
		return -ERESTARTSYS;
	mutex_lock(&fc->cfg_mutex);
	if (fc->mode == 0) {
		ret = -EAGAIN;
		goto out;
	}
	count = min(count, fc->len);
	ret = copy_to_user(ubuf, fc->buf, count) ? -EFAULT : count;
out:
	mutex_unlock(&fc->cfg_mutex);
	mutex_unlock(&fc->io_mutex);
	return ret;
}

static long foo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct foo_chardev *fc = file->private_data;
	long ret = 0;

	mutex_lock(&fc->cfg_mutex);
	if (cmd != FOO_IOC_SET_MODE) {
		ret = -ENOTTY;
		goto out_unlock;
	}
	if (mutex_lock_killable(&fc->io_mutex)) {	//~ lock-order-cycle
		ret = -EINTR;
		goto out_unlock;
	}
	fc->mode = arg;
	fc->len = 0;
	mutex_unlock(&fc->io_mutex);
out_unlock:
	mutex_unlock(&fc->cfg_mutex);
	return ret;
}

static const struct file_operations foo_fops = {
	.owner		= THIS_MODULE,
	.read		= foo_read,
	.unlocked_ioctl = foo_ioctl,
};
