// SPDX-License-Identifier: GPL-2.0
/*
 * A function that asserts a lock it has just taken itself, as a few
 * drivers do as documentation: the assertion comes after the acquisition,
 * so it states no requirement on the callers. Callers that hold nothing
 * are fine.
 */
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct ledc {
	spinlock_t lock;		/* brightness, blink */
	unsigned int brightness;
	bool blink;
};

void ledc_hw_write(struct ledc *led);

static void ledc_set(struct ledc *led, unsigned int brightness, bool blink)
{
	unsigned long flags;

	spin_lock_irqsave(&led->lock, flags);
	lockdep_assert_held(&led->lock);
	led->brightness = brightness;
	led->blink = blink;
	ledc_hw_write(led);
	spin_unlock_irqrestore(&led->lock, flags);
}

void ledc_off(struct ledc *led)
{
	ledc_set(led, 0, false);
}

void ledc_blink(struct ledc *led)
{
	ledc_set(led, led->brightness, true);
}
