// SPDX-License-Identifier: GPL-2.0
/*
 * Correct console lock idioms: the cursor blink worker redraws only when
 * console_trylock() succeeds (and unlocks only then), skipping a blink
 * when the console is busy; the mode switch waits for the lock with
 * console_lock(). Every path is balanced.
 */
#include <linux/console.h>
#include <linux/fb.h>
#include <linux/workqueue.h>

struct sfb_par {
	struct fb_info *info;
	struct delayed_work blink_work;
	unsigned long blink_period;
	bool cursor_on;
};

void sfb_draw_cursor(struct sfb_par *par, bool on);

static void sfb_blink_work(struct work_struct *work)
{
	struct sfb_par *par = container_of(to_delayed_work(work),
					   struct sfb_par, blink_work);

	if (console_trylock()) {
		par->cursor_on = !par->cursor_on;
		sfb_draw_cursor(par, par->cursor_on);
		console_unlock();
	}
	schedule_delayed_work(&par->blink_work, par->blink_period);
}

int sfb_set_mode(struct sfb_par *par, struct fb_var_screeninfo *var)
{
	int ret;

	console_lock();
	ret = fb_set_var(par->info, var);
	console_unlock();
	return ret;
}
