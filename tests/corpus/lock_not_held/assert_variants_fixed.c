// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the maintenance path checks under the semaphore held for
 * read (lockdep_assert_held_read() wants a reader) and resizes under it
 * held for write.
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
	bool full;

	down_read(&t->sem);
	rtab_count_lookup(t);
	full = rtab_full(t);
	up_read(&t->sem);
	if (!full)
		return;

	down_write(&t->sem);
	rtab_resize(t, 2 * t->nr_routes);
	up_write(&t->sem);
}
