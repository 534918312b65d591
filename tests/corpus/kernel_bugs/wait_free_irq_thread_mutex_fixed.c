// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of wait_free_irq_thread_mutex.c: the interrupt is released
 * after chg->lock is dropped.
 *
 * The bug was free_irq() while holding the mutex the threaded handler
 * takes.
 *
 * The PMIC charger's threaded interrupt handler takes chg->lock to read
 * and update the charger state. Disabling the charger from sysfs holds
 * chg->lock and releases the interrupt with free_irq(), which waits for a
 * running thread handler to finish: the handler waits for chg->lock, the
 * sysfs writer waits in free_irq().
 *
 * Modelled on the fixes that moved free_irq()/disable_irq() out of a
 * mutex shared with the threaded handler (power-supply and input drivers;
 * no exact subject recalled).
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>

struct pchg_dev {
	struct device *dev;
	struct mutex lock;		/* online, status */
	int irq;
	bool online;
	int status;
};

int pchg_read_status(struct pchg_dev *chg);

static irqreturn_t pchg_irq_thread(int irq, void *data)
{
	struct pchg_dev *chg = data;

	mutex_lock(&chg->lock);
	chg->status = pchg_read_status(chg);
	mutex_unlock(&chg->lock);
	return IRQ_HANDLED;
}

int pchg_enable(struct pchg_dev *chg)
{
	int ret;

	mutex_lock(&chg->lock);
	ret = request_threaded_irq(chg->irq, NULL, pchg_irq_thread,
				   IRQF_ONESHOT, "pchg", chg);
	if (!ret)
		chg->online = true;
	mutex_unlock(&chg->lock);
	return ret;
}

void pchg_disable(struct pchg_dev *chg)
{
	bool was_online;

	mutex_lock(&chg->lock);
	was_online = chg->online;
	chg->online = false;
	mutex_unlock(&chg->lock);

	if (was_online)
		free_irq(chg->irq, chg);
}
