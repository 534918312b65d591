// SPDX-License-Identifier: GPL-2.0
/*
 * Field paths and globals: dev->lock is struct foo_dev::lock, while
 * dev->fw.lock, the mutex of an embedded struct foo_fw_state, is a class of
 * its own. Probe reaches them through a parameter (lock, then fw.lock); the
 * sysfs store reaches the same two classes through the global pointer
 * foo_the_dev (fw.lock, then lock).
 */
#include <linux/device.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>

struct foo_fw_state {
	struct mutex lock;
	u32 version;
	bool running;
};

struct foo_dev {
	struct mutex lock;
	struct foo_fw_state fw;
	struct device *dev;
	unsigned int users;
};

static struct foo_dev *foo_the_dev;

static int foo_probe_fw(struct foo_dev *dev)
{
	int ret = 0;

	mutex_lock(&dev->lock);
	mutex_lock(&dev->fw.lock);
	if (dev->fw.version == 0)
		ret = -ENOENT;
	else
		dev->fw.running = true;
	mutex_unlock(&dev->fw.lock);
	mutex_unlock(&dev->lock);
	return ret;
}

static ssize_t fw_version_store(struct device *d, struct device_attribute *attr,
				const char *buf, size_t count)
{
	u32 version;
	int ret;

	ret = kstrtou32(buf, 0, &version);
	if (ret)
		return ret;

	mutex_lock(&foo_the_dev->fw.lock);
	foo_the_dev->fw.version = version;
	mutex_lock(&foo_the_dev->lock);	//~ lock-order-cycle
	if (foo_the_dev->users)
		ret = -EBUSY;
	mutex_unlock(&foo_the_dev->lock);
	mutex_unlock(&foo_the_dev->fw.lock);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(fw_version);
