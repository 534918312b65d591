// SPDX-License-Identifier: GPL-2.0
/*
 * A timer callback that sleeps one call down.
 *
 * The keypad's debounce timer (timer_setup(), so the callback runs in
 * softirq context) calls kpd_scan_matrix(), which takes kpd->io_lock, a
 * mutex serialising the I2C expander, and waits for the rows to settle
 * with usleep_range(). Both sleep in atomic context.
 *
 * Modelled on input-driver fixes that moved a scan from a timer to a
 * delayed work because the expander access sleeps ("Input: ... convert to
 * delayed work", the shape of several matrix-keypad/expander fixes; no
 * exact subject recalled).
 */
#include <linux/delay.h>
#include <linux/input.h>
#include <linux/mutex.h>
#include <linux/timer.h>

struct kpd_dev {
	struct input_dev *input;
	struct mutex io_lock;		/* expander access */
	struct timer_list debounce_timer;
	u16 last_state;
};

int kpd_expander_read(struct kpd_dev *kpd, u16 *state);
void kpd_report_changes(struct kpd_dev *kpd, u16 old, u16 new);

static int kpd_scan_matrix(struct kpd_dev *kpd, u16 *state)
{
	int ret;

	mutex_lock(&kpd->io_lock);
	usleep_range(100, 200);
	ret = kpd_expander_read(kpd, state);
	mutex_unlock(&kpd->io_lock);
	return ret;
}

static void kpd_debounce_timer(struct timer_list *t)
{
	struct kpd_dev *kpd = from_timer(kpd, t, debounce_timer);
	u16 state;

	if (kpd_scan_matrix(kpd, &state))	//~ sleep-in-atomic
		return;
	kpd_report_changes(kpd, kpd->last_state, state);
	kpd->last_state = state;
}

void kpd_init(struct kpd_dev *kpd)
{
	mutex_init(&kpd->io_lock);
	timer_setup(&kpd->debounce_timer, kpd_debounce_timer, 0);
}
