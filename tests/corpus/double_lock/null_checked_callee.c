// SPDX-License-Identifier: GPL-2.0
/*
 * Setting a trip point holds the zone lock and calls the driver's
 * callback, which checks the zone for NULL and then asks the core whether
 * the trip is bound, taking the zone lock again. The zone is not NULL
 * there: its lock is held.
 */
#include <linux/errno.h>
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

static bool tzone_trip_is_bound(struct tzone *tz, int trip)
{
	bool bound;

	mutex_lock(&tz->lock);
	bound = tz->bound & (1UL << trip);
	mutex_unlock(&tz->lock);
	return bound;
}

static int soc_set_trip_temp(struct tzone *tz, int trip, int temp)
{
	if (!tz)
		return -EINVAL;
	if (!tzone_trip_is_bound(tz, trip))
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
	ret = tz->ops.set_trip_temp(tz, trip, temp);	//~ double-lock
	mutex_unlock(&tz->lock);
	return ret;
}
