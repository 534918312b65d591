// SPDX-License-Identifier: GPL-2.0
/*
 * Held, but in the wrong mode: the resize helper asserts the semaphore
 * held for write, and the grow path calls it holding the semaphore only
 * for read. lockdep_assert_held_write() warns; two readers can resize at
 * once.
 *
 * lockorder-corpus: known-gap(#11) a requirement is met by the lock held in any mode; lockdep_assert_held_write/_read modes are not compared
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
	down_read(&t->sem);
	if (t->nr_routes >= t->size)
		rtab_resize(t, 2 * t->size);	//~ lock-not-held
	up_read(&t->sem);
}
