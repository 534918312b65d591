// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of early_return.c: the error return inside the critical
 * section drops led->lock first.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/mutex.h>

struct rgbled {
	struct mutex lock;		/* pattern, hardware sequencer */
	unsigned int pattern;
	unsigned int nr_patterns;
};

int rgbled_apply(struct rgbled *led);

static ssize_t pattern_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct rgbled *led = dev_get_drvdata(dev);
	unsigned int pattern;
	int ret;

	ret = kstrtouint(buf, 0, &pattern);
	if (ret)
		return ret;

	mutex_lock(&led->lock);
	if (pattern >= led->nr_patterns) {
		mutex_unlock(&led->lock);
		return -EINVAL;
	}
	led->pattern = pattern;
	ret = rgbled_apply(led);
	mutex_unlock(&led->lock);

	return ret ? ret : count;
}
