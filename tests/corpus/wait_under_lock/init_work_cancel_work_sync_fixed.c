// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of init_work_cancel_work_sync.c: the flag is cleared
 * under the lock, and the work is cancelled after the lock is released;
 * a work run that slips in sees enabled == false.
 */
#include <linux/mutex.h>
#include <linux/workqueue.h>

struct sen_dev {
	struct mutex lock;		/* enabled, value */
	struct work_struct update_work;
	bool enabled;
	int value;
};

int sen_read_hw(struct sen_dev *sen);

static void sen_update_work(struct work_struct *work)
{
	struct sen_dev *sen = container_of(work, struct sen_dev, update_work);

	mutex_lock(&sen->lock);
	if (sen->enabled)
		sen->value = sen_read_hw(sen);
	mutex_unlock(&sen->lock);
}

void sen_init(struct sen_dev *sen)
{
	mutex_init(&sen->lock);
	INIT_WORK(&sen->update_work, sen_update_work);
}

void sen_close(struct sen_dev *sen)
{
	mutex_lock(&sen->lock);
	sen->enabled = false;
	mutex_unlock(&sen->lock);
	cancel_work_sync(&sen->update_work);
}
