// SPDX-License-Identifier: GPL-2.0
/*
 * The ops path: ops_lock through the wrapper, then stat_lock two calls
 * down in rdev_account().
 */
#include "rdev.h"

static void rdev_do_op(struct rdev *rd)
{
	rdev_account(rd);
}

void rdev_run_op(struct rdev *rd)
{
	rdev_lock(rd);
	rdev_do_op(rd);
	rdev_unlock(rd);
}
