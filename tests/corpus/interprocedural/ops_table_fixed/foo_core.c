// SPDX-License-Identifier: GPL-2.0
/*
 * Core recovery resets the hardware through the ops table while it holds
 * the device lock. Which reset runs is known only from the table in
 * foo_hw.c; that one takes the register lock: dev->lock, then
 * hw->reg_lock.
 */
#include "foo.h"

int foo_recover(struct foo_dev *dev)
{
	int ret;

	mutex_lock(&dev->lock);
	dev->state = FOO_STATE_DOWN;
	ret = dev->ops->reset(dev);
	if (!ret) {
		dev->state = FOO_STATE_UP;
		dev->nr_resets++;
	}
	mutex_unlock(&dev->lock);
	return ret;
}
