// SPDX-License-Identifier: GPL-2.0
/*
 * cancel_delayed_work_sync() in remove() under the mutex the work's
 * helper takes.
 *
 * The fuel gauge polls the battery from a delayed work; the work calls
 * fg_update_status(), which takes fg->lock around the register reads. The
 * platform remove callback holds fg->lock while it marks the device gone
 * and cancels the poll with cancel_delayed_work_sync(): a poll already
 * running blocks on fg->lock, and remove waits for it forever.
 *
 * Modelled on the power-supply and hwmon driver fixes that moved the
 * cancel in remove() before the lock the work takes (no exact subject
 * line recalled).
 */
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/power_supply.h>
#include <linux/workqueue.h>

struct fg_chip {
	struct mutex lock;		/* regs, soc, removed */
	struct delayed_work poll_work;
	struct power_supply *psy;
	int soc;
	bool removed;
};

int fg_read_soc(struct fg_chip *fg);

static void fg_update_status(struct fg_chip *fg)
{
	mutex_lock(&fg->lock);
	if (!fg->removed)
		fg->soc = fg_read_soc(fg);
	mutex_unlock(&fg->lock);
}

static void fg_poll_work(struct work_struct *work)
{
	struct fg_chip *fg = container_of(work, struct fg_chip,
					  poll_work.work);

	fg_update_status(fg);
	power_supply_changed(fg->psy);
	schedule_delayed_work(&fg->poll_work, 10 * HZ);
}

static int fg_probe(struct platform_device *pdev)
{
	struct fg_chip *fg = platform_get_drvdata(pdev);

	mutex_init(&fg->lock);
	INIT_DELAYED_WORK(&fg->poll_work, fg_poll_work);
	schedule_delayed_work(&fg->poll_work, 0);
	return 0;
}

static void fg_remove(struct platform_device *pdev)
{
	struct fg_chip *fg = platform_get_drvdata(pdev);

	mutex_lock(&fg->lock);
	fg->removed = true;
	cancel_delayed_work_sync(&fg->poll_work);	//~ wait-under-lock
	mutex_unlock(&fg->lock);
}

static struct platform_driver fg_driver = {
	.probe		= fg_probe,
	.remove		= fg_remove,
};
