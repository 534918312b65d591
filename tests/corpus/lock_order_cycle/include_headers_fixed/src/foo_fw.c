// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of include_headers/src/foo_fw.c: the loader takes
 * dev->lock before dev->fw_lock, the order foo_open() uses.
 */
#include <linux/io.h>
#include "foo.h"

int foo_fw_load(foo_dev_t *dev, u32 version)
{
	int ret = 0;

	mutex_lock(&dev->lock);
	if (dev->open_count) {
		mutex_unlock(&dev->lock);
		return -EBUSY;
	}
	mutex_lock(&dev->fw_lock);
	writel(version, dev->regs + FOO_REG_FW_CTRL);
	dev->fw_version = version;
	dev->fw_loaded = true;
	mutex_unlock(&dev->fw_lock);
	mutex_unlock(&dev->lock);
	return ret;
}
