// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of null_checked_callee.c whose callback asks the core with the
 * helper that expects the zone lock held.
 */
#include <linux/errno.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>

struct tzone;

struct tzone_ops {
	int (*set_trip_temp)(struct tzone *tz, int trip, int temp);
};

struct tzone {
	struct mutex lock;
	struct tzone_ops ops;
	unsigned long bound;
	int temps[8];
};

static bool __tzone_trip_is_bound(struct tzone *tz, int trip)
{
	lockdep_assert_held(&tz->lock);
	return tz->bound & (1UL << trip);
}

static int soc_set_trip_temp(struct tzone *tz, int trip, int temp)
{
	if (!tz)
		return -EINVAL;
	if (!__tzone_trip_is_bound(tz, trip))
		return 0;
	tz->temps[trip] = temp;
	return 0;
}

static const struct tzone_ops soc_ops = {
	.set_trip_temp = soc_set_trip_temp,
};

int trip_temp_store(struct tzone *tz, int trip, int temp)
{
	int ret;

	mutex_lock(&tz->lock);
	ret = tz->ops.set_trip_temp(tz, trip, temp);
	mutex_unlock(&tz->lock);
	return ret;
}
