// SPDX-License-Identifier: GPL-2.0
/*
 * Inversion through a header's inline lock wrapper: the stats path holds
 * stat_lock and takes ops_lock through rdev_lock(); the ops path does the
 * reverse in another file.
 */
#include "rdev.h"

void rdev_account(struct rdev *rd)
{
	spin_lock(&rd->stat_lock);
	rd->ops++;
	spin_unlock(&rd->stat_lock);
}

void rdev_stats_sync(struct rdev *rd)
{
	spin_lock(&rd->stat_lock);
	rdev_lock(rd);	//~ lock-order-cycle
	rd->ops = 0;
	rdev_unlock(rd);
	spin_unlock(&rd->stat_lock);
}
