// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of hrtimer_function_mutex.c: the period settings
 * are protected by a spinlock; the hrtimer callback takes it plainly (it
 * runs with interrupts off) and the configuration path with
 * spin_lock_irqsave().
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>

struct spwm {
	struct hrtimer period_timer;
	spinlock_t cfg_lock;		/* duty_ns, period_ns */
	u64 duty_ns;
	u64 period_ns;
	bool level;
};

void spwm_set_level(struct spwm *pwm, bool level);

static enum hrtimer_restart spwm_tick(struct hrtimer *t)
{
	struct spwm *pwm = container_of(t, struct spwm, period_timer);
	u64 next;

	spin_lock(&pwm->cfg_lock);
	pwm->level = !pwm->level;
	next = pwm->level ? pwm->duty_ns : pwm->period_ns - pwm->duty_ns;
	spin_unlock(&pwm->cfg_lock);
	spwm_set_level(pwm, pwm->level);
	hrtimer_forward_now(t, ns_to_ktime(next));
	return HRTIMER_RESTART;
}

void spwm_config(struct spwm *pwm, u64 duty_ns, u64 period_ns)
{
	unsigned long flags;

	spin_lock_irqsave(&pwm->cfg_lock, flags);
	pwm->duty_ns = duty_ns;
	pwm->period_ns = period_ns;
	spin_unlock_irqrestore(&pwm->cfg_lock, flags);
}

void spwm_init(struct spwm *pwm)
{
	spin_lock_init(&pwm->cfg_lock);
	hrtimer_init(&pwm->period_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	pwm->period_timer.function = spwm_tick;
}
