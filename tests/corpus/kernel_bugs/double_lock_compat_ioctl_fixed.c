// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of double_lock_compat_ioctl.c: the compat path calls the
 * unlocked body __pfb_ioctl() under the lock it already holds.
 *
 * The bug was a double lock through a helper that already takes the lock.
 *
 * The 32-bit compat ioctl translates the colour-map request and, holding
 * info->lock to read the palette length, hands the native request to
 * pfb_ioctl(), which takes info->lock itself. mutex_lock() is not
 * recursive: the compat caller deadlocks against itself.
 *
 * Modelled on "fbdev: fix fb_compat_ioctl() deadlocks", which split the
 * locked body of fb_ioctl() into do_fb_ioctl() and made the callers that
 * already hold info->lock call that instead.
 */
#include <linux/compat.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define PFB_GETCMAP	0x4604

struct pfb_info {
	struct mutex lock;		/* cmap, var */
	u32 cmap_len;
	u16 cmap[256];
};

static long __pfb_ioctl(struct pfb_info *info, unsigned int cmd,
			unsigned long arg)
{
	switch (cmd) {
	case PFB_GETCMAP:
		return copy_to_user((void __user *)arg, info->cmap,
				    info->cmap_len * sizeof(u16)) ? -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

static long pfb_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pfb_info *info = file->private_data;
	long ret;

	mutex_lock(&info->lock);
	ret = __pfb_ioctl(info, cmd, arg);
	mutex_unlock(&info->lock);
	return ret;
}

static long pfb_compat_ioctl(struct file *file, unsigned int cmd,
			     unsigned long arg)
{
	struct pfb_info *info = file->private_data;
	long ret;

	if (cmd != PFB_GETCMAP)
		return -ENOIOCTLCMD;

	mutex_lock(&info->lock);
	if (!info->cmap_len)
		ret = -EINVAL;
	else
		ret = __pfb_ioctl(info, cmd, (unsigned long)compat_ptr(arg));
	mutex_unlock(&info->lock);
	return ret;
}

static const struct file_operations pfb_fops = {
	.unlocked_ioctl	= pfb_ioctl,
	.compat_ioctl	= pfb_compat_ioctl,
};
