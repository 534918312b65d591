// SPDX-License-Identifier: GPL-2.0
/*
 * The brightness store sets the new level under the device lock and calls
 * the status update before dropping it: the helper in bkl_hw.c takes
 * d->lock of the same object again and the task blocks on itself.
 */
#include "bkl.h"

int bkl_brightness_store(struct bkl_dev *dev, unsigned int val)
{
	if (val > dev->max)
		return -EINVAL;

	mutex_lock(&dev->lock);
	dev->brightness = val;
	bkl_update_status(dev);		//~ double-lock
	mutex_unlock(&dev->lock);
	return 0;
}
