// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of console_trylock_unbalanced.c: the retry branch
 * returns without touching the console lock it did not get.
 */
#include <linux/console.h>
#include <linux/fb.h>
#include <linux/workqueue.h>

struct sfb_par {
	struct fb_info *info;
	struct delayed_work resume_work;
	bool suspended;
};

static void sfb_resume_work(struct work_struct *work)
{
	struct sfb_par *par = container_of(to_delayed_work(work),
					   struct sfb_par, resume_work);

	if (!console_trylock()) {
		schedule_delayed_work(&par->resume_work, HZ / 10);
		return;
	}
	fb_set_suspend(par->info, FBINFO_STATE_RUNNING);
	par->suspended = false;
	console_unlock();
}
