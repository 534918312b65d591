// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_lock against a framebuffer driver's info lock.
 *
 * The .mmap file operation is called by mmap_region() with the caller's
 * mm->mmap_lock held for writing; lcdfb_mmap() takes info->lock to read
 * the video memory window. The FBIOGET_VSCREENINFO ioctl holds info->lock
 * across copy_to_user(), which may fault and take the same mmap_lock for
 * reading: info->lock -> mmap_lock in the ioctl, mmap_lock -> info->lock
 * in mmap.
 *
 * Modelled on the fbdev fix "fbdev: add mutex for fb_mmap locking", which
 * gave fb_mmap() its own mm_lock for smem_start/smem_len so that it no
 * longer takes the ioctl mutex under mmap_lock.
 */
#include <linux/fb.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

struct lcdfb_info {
	struct mutex lock;		/* var, ioctls */
	struct mutex mm_lock;		/* smem_start, smem_len */
	struct fb_var_screeninfo var;
	unsigned long smem_start;
	u32 smem_len;
};

static long lcdfb_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct lcdfb_info *info = file->private_data;
	void __user *argp = (void __user *)arg;
	long ret = 0;

	switch (cmd) {
	case FBIOGET_VSCREENINFO:
		mutex_lock(&info->lock);
		if (copy_to_user(argp, &info->var, sizeof(info->var)))
			ret = -EFAULT;
		mutex_unlock(&info->lock);
		break;
	default:
		ret = -ENOTTY;
	}
	return ret;
}

static int lcdfb_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct lcdfb_info *info = file->private_data;
	unsigned long start, len;

	mutex_lock(&info->lock);	//~ lock-order-cycle
	start = info->smem_start;
	len = info->smem_len;
	mutex_unlock(&info->lock);

	if (vma->vm_end - vma->vm_start > len)
		return -EINVAL;
	return vm_iomap_memory(vma, start, len);
}

static const struct file_operations lcdfb_fops = {
	.unlocked_ioctl	= lcdfb_ioctl,
	.mmap		= lcdfb_mmap,
};
