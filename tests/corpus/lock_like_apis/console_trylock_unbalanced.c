// SPDX-License-Identifier: GPL-2.0
/*
 * console_trylock() returns 1 when it got the console lock. The
 * framebuffer resume worker retries later when the console is busy, but
 * its retry branch falls into the common exit, which calls
 * console_unlock(): it releases a console lock held by someone else.
 * console_sem is a semaphore underneath, but console_lock() is tracked
 * like a mutex (lockdep's console_lock map) and console_unlock() also
 * flushes the log buffer as the owner; unlocking without owning it is a
 * bug ("bad unlock balance").
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
		goto out;
	}
	fb_set_suspend(par->info, FBINFO_STATE_RUNNING);
	par->suspended = false;
out:
	console_unlock();	//~ unbalanced-unlock
}
