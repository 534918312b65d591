// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware loader names the device as foo_dev_t, a typedef from
 * include/foo.h, so &dev->lock is struct foo_dev::lock here too. It holds
 * fw_lock and then takes lock: the reverse of foo_open() in foo_core.c.
 */
#include <linux/io.h>
#include "foo.h"

int foo_fw_load(foo_dev_t *dev, u32 version)
{
	int ret = 0;

	mutex_lock(&dev->fw_lock);
	writel(version, dev->regs + FOO_REG_FW_CTRL);
	mutex_lock(&dev->lock);	//~ lock-order-cycle
	if (dev->open_count)
		ret = -EBUSY;
	mutex_unlock(&dev->lock);
	if (!ret) {
		dev->fw_version = version;
		dev->fw_loaded = true;
	}
	mutex_unlock(&dev->fw_lock);
	return ret;
}
