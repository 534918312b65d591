// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of shared_names/: each file has its own file-static
 * lock_a and lock_b. This file takes its lock_a then its lock_b; b.c takes
 * its own lock_b then its own lock_a. The classes are a.c::lock_a and
 * b.c::lock_a, never one lock, so there is no inversion.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);

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
