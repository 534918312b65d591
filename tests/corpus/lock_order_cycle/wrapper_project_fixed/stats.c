// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the stats path takes ops_lock through the wrapper first,
 * then stat_lock, the order the ops path uses.
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
	rdev_lock(rd);
	spin_lock(&rd->stat_lock);
	rd->ops = 0;
	spin_unlock(&rd->stat_lock);
	rdev_unlock(rd);
}
