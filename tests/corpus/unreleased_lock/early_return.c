// SPDX-License-Identifier: GPL-2.0
/*
 * The classic early return: the sysfs store validates the pattern number
 * only after taking led->lock and returns -EINVAL without dropping it.
 * The next write to the attribute sleeps forever.
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
	if (pattern >= led->nr_patterns)
		return -EINVAL;	//~ unreleased-lock
	led->pattern = pattern;
	ret = rgbled_apply(led);
	mutex_unlock(&led->lock);

	return ret ? ret : count;
}
