// SPDX-License-Identifier: GPL-2.0
/*
 * lock_a and lock_b are global (not static) here, and b.c declares them
 * extern: both files name the same two mutexes. This file takes lock_a then
 * lock_b, b.c takes lock_b then lock_a, so the program has an inversion.
 * shared_names_fixed/ makes each file's locks static, which separates them.
 */
#include <linux/mutex.h>

DEFINE_MUTEX(lock_a);
DEFINE_MUTEX(lock_b);

static unsigned int foo_a_gen;
static unsigned int foo_a_seen;

void foo_a_sync(void)
{
	mutex_lock(&lock_a);
	foo_a_gen++;
	mutex_lock(&lock_b);
	foo_a_seen = foo_a_gen;
	mutex_unlock(&lock_b);
	mutex_unlock(&lock_a);
}
