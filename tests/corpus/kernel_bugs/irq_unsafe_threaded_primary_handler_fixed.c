// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of irq_unsafe_threaded_primary_handler.c: the thread takes
 * the lock with spin_lock_irq().
 *
 * The bug was a lock shared by a threaded IRQ's primary handler and its
 * thread.
 *
 * The touch controller's primary handler (hardirq) latches the pending
 * status bits into ts->pending under ts->lock and wakes the thread. The
 * thread function runs in process context with IRQs enabled and takes
 * ts->lock with plain spin_lock() to consume the bits: the next edge of
 * the (non-ONESHOT) interrupt on the same CPU deadlocks in the primary
 * handler.
 *
 * Modelled on the fixes for threaded-IRQ drivers whose thread function
 * shared a spinlock with the primary handler without disabling IRQs
 * (lockdep "inconsistent lock state" reports in input and IIO drivers;
 * no exact subject recalled).
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define TSC_STATUS	0x00
#define TSC_ACK		0x04

struct tsc_dev {
	struct device *dev;
	spinlock_t lock;		/* pending */
	void __iomem *base;
	u32 pending;
	int irq;
};

void tsc_report_touches(struct tsc_dev *ts, u32 status);

static irqreturn_t tsc_hardirq(int irq, void *data)
{
	struct tsc_dev *ts = data;
	u32 status = readl(ts->base + TSC_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, ts->base + TSC_ACK);
	spin_lock(&ts->lock);
	ts->pending |= status;
	spin_unlock(&ts->lock);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t tsc_thread(int irq, void *data)
{
	struct tsc_dev *ts = data;
	u32 status;

	spin_lock_irq(&ts->lock);
	status = ts->pending;
	ts->pending = 0;
	spin_unlock_irq(&ts->lock);

	tsc_report_touches(ts, status);
	return IRQ_HANDLED;
}

int tsc_request_irq(struct tsc_dev *ts)
{
	spin_lock_init(&ts->lock);
	return devm_request_threaded_irq(ts->dev, ts->irq, tsc_hardirq,
					 tsc_thread, IRQF_SHARED, "tsc", ts);
}
