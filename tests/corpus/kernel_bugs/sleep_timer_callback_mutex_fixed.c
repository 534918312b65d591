// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of sleep_timer_callback_mutex.c: the scan runs from a
 * delayed work item, in process context.
 *
 * The bug was a timer callback that sleeps one call down.
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
#include <linux/workqueue.h>

struct kpd_dev {
	struct input_dev *input;
	struct mutex io_lock;		/* expander access */
	struct delayed_work debounce_work;
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

static void kpd_debounce_work(struct work_struct *work)
{
	struct kpd_dev *kpd = container_of(work, struct kpd_dev,
					   debounce_work.work);
	u16 state;

	if (kpd_scan_matrix(kpd, &state))
		return;
	kpd_report_changes(kpd, kpd->last_state, state);
	kpd->last_state = state;
}

void kpd_init(struct kpd_dev *kpd)
{
	mutex_init(&kpd->io_lock);
	INIT_DELAYED_WORK(&kpd->debounce_work, kpd_debounce_work);
}
