// SPDX-License-Identifier: GPL-2.0
/*
 * Scope-based guards release at the end of their scope, whichever way it
 * is left:
 * - guard(spinlock_irqsave)(&l) then several returns: each releases;
 * - a return inside scoped_guard(mutex, &m) { ... } releases the mutex;
 * - a break out of scoped_guard(...) { ... } leaves its scope and
 *   releases too, so the explicit lock after it is not a double lock and
 *   its unlock is balanced;
 * - guard() in a list_for_each_entry() body is released at the end of
 *   each iteration, by `continue` and by `break` too: the next
 *   iteration's guard is not a double lock;
 * - scoped_cond_guard(mutex_intr, return -EINTR, &m) returns holding
 *   nothing when interrupted.
 * Nothing here may be reported.
 */
#include <linux/cleanup.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

#define TSENS_CTRL	0x00
#define TSENS_CTRL_EN	0x01
#define TSENS_TEMP	0x04

struct tsens {
	struct list_head node;
	spinlock_t lock;		/* ctrl register, enabled */
	struct mutex cal_lock;		/* calibration */
	void __iomem *regs;
	bool enabled;
	int offset;
	int last_temp;
};

int tsens_read_temp(struct tsens *ts, int *temp)
{
	guard(spinlock_irqsave)(&ts->lock);

	if (!ts->enabled)
		return -EAGAIN;
	*temp = readl(ts->regs + TSENS_TEMP) + ts->offset;
	if (*temp < -40)
		return -ERANGE;
	ts->last_temp = *temp;
	return 0;
}

int tsens_calibrate(struct tsens *ts, int ref)
{
	scoped_guard(mutex, &ts->cal_lock) {
		if (ts->offset)
			return -EALREADY;
		ts->offset = ref - ts->last_temp;
	}
	return 0;
}

void tsens_enable(struct tsens *ts)
{
	unsigned long flags;

	scoped_guard(spinlock_irqsave, &ts->lock) {
		if (ts->enabled)
			break;
		ts->enabled = true;
	}

	spin_lock_irqsave(&ts->lock, flags);
	writel(ts->enabled ? TSENS_CTRL_EN : 0, ts->regs + TSENS_CTRL);
	spin_unlock_irqrestore(&ts->lock, flags);
}

struct tsens_bank {
	struct mutex lock;		/* sensors */
	struct list_head sensors;
	int trip;
};

void tsens_bank_disable_hot(struct tsens_bank *bank)
{
	struct tsens *ts;

	list_for_each_entry(ts, &bank->sensors, node) {
		guard(spinlock_irq)(&ts->lock);
		if (!ts->enabled)
			continue;
		if (ts->last_temp == INT_MIN)
			break;	/* never read: the rest are not probed yet */
		if (ts->last_temp > bank->trip) {
			ts->enabled = false;
			writel(0, ts->regs + TSENS_CTRL);
		}
	}
}

int tsens_bank_set_trip(struct tsens_bank *bank, int trip)
{
	scoped_cond_guard(mutex_intr, return -EINTR, &bank->lock) {
		if (trip < 0)
			return -EINVAL;
		bank->trip = trip;
	}
	return 0;
}
