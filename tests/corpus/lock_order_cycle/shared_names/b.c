// SPDX-License-Identifier: GPL-2.0
/*
 * Uses a.c's global lock_a and lock_b through extern declarations and takes
 * them in the opposite order: lock_b, then lock_a.
 */
#include <linux/mutex.h>

extern struct mutex lock_a;
extern struct mutex lock_b;

static unsigned int foo_b_gen;
static unsigned int foo_b_seen;

void foo_b_sync(void)
{
	mutex_lock(&lock_b);
	foo_b_gen++;
	mutex_lock(&lock_a);	//~ lock-order-cycle
	foo_b_seen = foo_b_gen;
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
}
