// SPDX-License-Identifier: GPL-2.0
/*
 * An hrtimer callback, installed through the timer's .function field, that
 * takes a mutex: the software PWM reads its period settings under the
 * chip's config mutex. hrtimer callbacks run in hardirq context.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/mutex.h>

struct spwm {
	struct hrtimer period_timer;
	struct mutex cfg_lock;		/* duty_ns, period_ns */
	u64 duty_ns;
	u64 period_ns;
	bool level;
};

void spwm_set_level(struct spwm *pwm, bool level);

static enum hrtimer_restart spwm_tick(struct hrtimer *t)
{
	struct spwm *pwm = container_of(t, struct spwm, period_timer);
	u64 next;

	mutex_lock(&pwm->cfg_lock);	//~ sleep-in-atomic
	pwm->level = !pwm->level;
	next = pwm->level ? pwm->duty_ns : pwm->period_ns - pwm->duty_ns;
	mutex_unlock(&pwm->cfg_lock);
	spwm_set_level(pwm, pwm->level);
	hrtimer_forward_now(t, ns_to_ktime(next));
	return HRTIMER_RESTART;
}

void spwm_init(struct spwm *pwm)
{
	mutex_init(&pwm->cfg_lock);
	hrtimer_init(&pwm->period_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	pwm->period_timer.function = spwm_tick;
}
