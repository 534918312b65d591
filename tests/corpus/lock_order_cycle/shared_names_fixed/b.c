// SPDX-License-Identifier: GPL-2.0
/*
 * File statics with the same names as a.c's: these are different mutexes,
 * so taking this file's lock_b before its lock_a inverts nothing.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);

static unsigned int foo_b_gen;
static unsigned int foo_b_seen;

void foo_b_sync(void)
{
	mutex_lock(&lock_b);
	foo_b_gen++;
	mutex_lock(&lock_a);
	foo_b_seen = foo_b_gen;
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
}
