// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of console_lock_fb_mutex.c: suspend takes the console
 * lock first, as the mode switch does, and hw_lock inside it.
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
	console_lock();
	mutex_lock(&par->hw_lock);
	par->powered = false;
	fb_set_suspend(par->info, FBINFO_STATE_SUSPENDED);
	mutex_unlock(&par->hw_lock);
	console_unlock();
	return 0;
}
