// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the sample path updates the statistics before it drops
 * sensor->lock.
 */
#include <linux/mutex.h>
#include <linux/types.h>

struct snsr_dev {
	struct mutex lock;		/* last, min, max, nr_samples */
	s32 last;
	s32 min;
	s32 max;
	unsigned int nr_samples;
};

int snsr_hw_read(struct snsr_dev *sensor, s32 *val);

static void snsr_update_stats(struct snsr_dev *sensor)
	__must_hold(&sensor->lock)
{
	if (sensor->last < sensor->min)
		sensor->min = sensor->last;
	if (sensor->last > sensor->max)
		sensor->max = sensor->last;
	sensor->nr_samples++;
}

int snsr_sample(struct snsr_dev *sensor)
{
	s32 val;
	int ret;

	ret = snsr_hw_read(sensor, &val);
	if (ret)
		return ret;

	mutex_lock(&sensor->lock);
	sensor->last = val;
	snsr_update_stats(sensor);
	mutex_unlock(&sensor->lock);
	return 0;
}
