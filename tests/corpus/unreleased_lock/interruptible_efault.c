// SPDX-License-Identifier: GPL-2.0
/*
 * `if (mutex_lock_interruptible(&m)) return -EINTR;` returns holding
 * nothing — mutex_lock_interruptible() returns 0 when it took the lock.
 * The leak is the -EFAULT return after a failed copy_to_user(), which
 * skips the unlock.
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
	size_t n;

	if (mutex_lock_interruptible(&mb->lock))
		return -EINTR;
	n = min(count, mb->len);
	if (copy_to_user(ubuf, mb->data, n))
		return -EFAULT;	//~ unreleased-lock
	mb->len = 0;
	mutex_unlock(&mb->lock);
	return n;
}
