// SPDX-License-Identifier: GPL-2.0
/*
 * User copies with a spinlock held. Both ioctl handlers copy the user's
 * argument straight into the locked state; a user access may fault the
 * page in, and faulting sleeps.
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
	long ret = 0;

	spin_lock(&st->lock);
	if (copy_from_user(&st->win, arg, sizeof(st->win)))	//~ sleep-in-atomic
		ret = -EFAULT;
	spin_unlock(&st->lock);
	return ret;
}

long lcd_set_brightness(struct lcd_state *st, u32 __user *arg)
{
	long ret;

	spin_lock(&st->lock);
	ret = get_user(st->brightness, arg);	//~ sleep-in-atomic
	spin_unlock(&st->lock);
	return ret;
}
