// SPDX-License-Identifier: GPL-2.0
/*
 * The framebuffer console calls into the driver with the console lock
 * held, and the driver's mode switch takes par->hw_lock inside it. The
 * driver's suspend hook takes hw_lock first and then console_lock() to
 * tell fbcon the device is going away: the reverse order. A mode switch
 * racing with suspend deadlocks both.
 */
#include <linux/console.h>
#include <linux/fb.h>
#include <linux/mutex.h>

struct sfb_par {
	struct fb_info *info;
	struct mutex hw_lock;		/* mode registers, powered */
	bool powered;
};

int sfb_hw_program_mode(struct sfb_par *par, struct fb_var_screeninfo *var);

int sfb_switch_mode(struct sfb_par *par, struct fb_var_screeninfo *var)
{
	int ret;

	console_lock();
	mutex_lock(&par->hw_lock);
	ret = par->powered ? sfb_hw_program_mode(par, var) : -EAGAIN;
	mutex_unlock(&par->hw_lock);
	if (!ret)
		ret = fb_set_var(par->info, var);
	console_unlock();
	return ret;
}

int sfb_suspend(struct sfb_par *par)
{
	mutex_lock(&par->hw_lock);
	par->powered = false;
	console_lock();	//~ lock-order-cycle
	fb_set_suspend(par->info, FBINFO_STATE_SUSPENDED);
	console_unlock();
	mutex_unlock(&par->hw_lock);
	return 0;
}
