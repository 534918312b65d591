// SPDX-License-Identifier: GPL-2.0
#include <linux/mutex.h>

struct foo_dev {
	struct mutex lock;		/* config */
	struct mutex stats_lock;	/* counters */
	int users;
};

void foo_update_stats(struct foo_dev *dev)
{
	mutex_lock(&dev->stats_lock);
	dev->users++;
	mutex_unlock(&dev->stats_lock);
}

void foo_reconfigure(struct foo_dev *dev)
{
	mutex_lock(&dev->lock);
	foo_update_stats(dev);
	mutex_unlock(&dev->lock);
}
