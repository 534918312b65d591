// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the brightness store drops the device lock before the
 * status update, which takes it itself.
 */
#include "bkl.h"

int bkl_brightness_store(struct bkl_dev *dev, unsigned int val)
{
	if (val > dev->max)
		return -EINVAL;

	mutex_lock(&dev->lock);
	dev->brightness = val;
	mutex_unlock(&dev->lock);

	bkl_update_status(dev);
	return 0;
}
