// SPDX-License-Identifier: GPL-2.0
/*
 * `if (!spin_trylock(&l)) goto out;` holds nothing at `out:`, but the
 * blink timer's single exit label starts with the unlock. When the
 * brightness path holds the lock, the timer releases it from under it.
 */
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct bled {
	spinlock_t lock;		/* on, brightness register */
	struct timer_list timer;
	void __iomem *regs;
	unsigned long period;
	u32 brightness;
	bool on;
};

static void bled_blink_timer(struct timer_list *t)
{
	struct bled *led = from_timer(led, t, timer);

	if (!spin_trylock(&led->lock))
		goto out;	/* busy: try again next period */
	led->on = !led->on;
	writel(led->on ? led->brightness : 0, led->regs);
out:
	spin_unlock(&led->lock);	//~ unbalanced-unlock
	mod_timer(&led->timer, jiffies + led->period);
}
