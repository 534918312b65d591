// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of interruptible_efault.c: the copy failure jumps to
 * out_unlock; the -EINTR return still holds nothing.
 */
#include <linux/fs.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

struct mboxdev {
	struct mutex lock;		/* data, len */
	u8 data[256];
	size_t len;
};

static ssize_t mboxdev_read(struct file *file, char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	struct mboxdev *mb = file->private_data;
	ssize_t ret;
	size_t n;

	if (mutex_lock_interruptible(&mb->lock))
		return -EINTR;
	n = min(count, mb->len);
	if (copy_to_user(ubuf, mb->data, n)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	mb->len = 0;
	ret = n;
out_unlock:
	mutex_unlock(&mb->lock);
	return ret;
}
