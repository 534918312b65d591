// SPDX-License-Identifier: GPL-2.0
/*
 * The other lockdep assertions state the same requirement: the route
 * table's resize helper asserts the semaphore held for write, the lookup
 * asserts it held for read, and the counter asserts it once. The
 * maintenance path calls all three after it has dropped the semaphore.
 */
#include <linux/lockdep.h>
#include <linux/rwsem.h>

struct rtab {
	struct rw_semaphore sem;	/* size, nr_routes, lookups */
	unsigned int size;
	unsigned int nr_routes;
	unsigned long lookups;
};

static void rtab_resize(struct rtab *t, unsigned int size)
{
	lockdep_assert_held_write(&t->sem);
	t->size = size;
}

static bool rtab_full(struct rtab *t)
{
	lockdep_assert_held_read(&t->sem);
	return t->nr_routes >= t->size;
}

static void rtab_count_lookup(struct rtab *t)
{
	lockdep_assert_held_once(&t->sem);
	t->lookups++;
}

void rtab_maintain(struct rtab *t)
{
	unsigned int nr;

	down_write(&t->sem);
	nr = t->nr_routes;
	up_write(&t->sem);

	rtab_count_lookup(t);		//~ lock-not-held
	if (rtab_full(t))		//~ lock-not-held
		rtab_resize(t, 2 * nr);	//~ lock-not-held
}
