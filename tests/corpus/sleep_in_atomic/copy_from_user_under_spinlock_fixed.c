// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of copy_from_user_under_spinlock.c: the ioctl handlers
 * copy into locals first and take the lock only to publish them.
 */
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

struct lcd_window {
	u32 x, y, w, h;
};

struct lcd_state {
	spinlock_t lock;		/* win, brightness */
	struct lcd_window win;
	u32 brightness;
};

long lcd_set_window(struct lcd_state *st, void __user *arg)
{
	struct lcd_window win;

	if (copy_from_user(&win, arg, sizeof(win)))
		return -EFAULT;
	spin_lock(&st->lock);
	st->win = win;
	spin_unlock(&st->lock);
	return 0;
}

long lcd_set_brightness(struct lcd_state *st, u32 __user *arg)
{
	u32 val;

	if (get_user(val, arg))
		return -EFAULT;
	spin_lock(&st->lock);
	st->brightness = val;
	spin_unlock(&st->lock);
	return 0;
}
