// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the grow path takes the semaphore for write, which the
 * resize helper asserts.
 */
#include <linux/lockdep.h>
#include <linux/rwsem.h>

struct rtab {
	struct rw_semaphore sem;	/* size, nr_routes */
	unsigned int size;
	unsigned int nr_routes;
};

static void rtab_resize(struct rtab *t, unsigned int size)
{
	lockdep_assert_held_write(&t->sem);
	t->size = size;
}

void rtab_grow(struct rtab *t)
{
	down_write(&t->sem);
	if (t->nr_routes >= t->size)
		rtab_resize(t, 2 * t->size);
	up_write(&t->sem);
}
