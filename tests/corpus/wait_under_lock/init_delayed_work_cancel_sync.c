// SPDX-License-Identifier: GPL-2.0
/*
 * cancel_delayed_work_sync() while holding the mutex the delayed work
 * takes. The battery poll work re-reads the gauge under bat->lock every
 * second; suspend cancels it with that lock held.
 */
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>

struct bat_dev {
	struct mutex lock;		/* capacity, suspended */
	struct delayed_work poll_work;
	int capacity;
	bool suspended;
};

int bat_read_gauge(struct bat_dev *bat);

static void bat_poll(struct work_struct *work)
{
	struct bat_dev *bat = container_of(to_delayed_work(work), struct bat_dev,
					   poll_work);

	mutex_lock(&bat->lock);
	bat->capacity = bat_read_gauge(bat);
	mutex_unlock(&bat->lock);
	schedule_delayed_work(&bat->poll_work, HZ);
}

void bat_init(struct bat_dev *bat)
{
	mutex_init(&bat->lock);
	INIT_DELAYED_WORK(&bat->poll_work, bat_poll);
	schedule_delayed_work(&bat->poll_work, HZ);
}

int bat_suspend(struct bat_dev *bat)
{
	mutex_lock(&bat->lock);
	bat->suspended = true;
	cancel_delayed_work_sync(&bat->poll_work);	//~ wait-under-lock
	mutex_unlock(&bat->lock);
	return 0;
}
