// SPDX-License-Identifier: GPL-2.0
/*
 * A __must_hold helper called after the critical section ended: the
 * statistics update reads and writes fields that sensor->lock protects, but
 * the sample path has already dropped the lock when it calls it.
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
	mutex_unlock(&sensor->lock);

	snsr_update_stats(sensor);	//~ lock-not-held
	return 0;
}
