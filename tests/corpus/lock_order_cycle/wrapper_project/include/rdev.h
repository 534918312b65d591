/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RDEV_H
#define _RDEV_H

#include <linux/mutex.h>
#include <linux/spinlock.h>

struct rdev {
	spinlock_t ops_lock;		/* serialises operations */
	spinlock_t stat_lock;		/* counters */
	unsigned long ops;
};

/* Subsystem lock wrappers, as drivers see them. */
static inline void rdev_lock(struct rdev *rd)
{
	spin_lock(&rd->ops_lock);
}

static inline void rdev_unlock(struct rdev *rd)
{
	spin_unlock(&rd->ops_lock);
}

void rdev_account(struct rdev *rd);

#endif
