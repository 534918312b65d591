// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mutex_interruptible.c: the SET_MODE ioctl waits for
 * io_mutex first (killably) and takes cfg_mutex under it, like read().
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

	if (cmd != FOO_IOC_SET_MODE)
		return -ENOTTY;

	if (mutex_lock_killable(&fc->io_mutex))
		return -EINTR;
	mutex_lock(&fc->cfg_mutex);
	fc->mode = arg;
	fc->len = 0;
	mutex_unlock(&fc->cfg_mutex);
	mutex_unlock(&fc->io_mutex);
	return 0;
}

static const struct file_operations foo_fops = {
	.owner		= THIS_MODULE,
	.read		= foo_read,
	.unlocked_ioctl = foo_ioctl,
};
