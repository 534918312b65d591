// SPDX-License-Identifier: GPL-2.0
/*
 * The completion path reads the doorbell under foo_hw_lock and then
 * shrinks the queue under foo_queue_lock: hw, then queue.
 */
#include <linux/io.h>
#include "foo_locks.h"

unsigned int foo_complete(void)
{
	unsigned int done;

	spin_lock(&foo_hw_lock);
	done = readl(foo_doorbell);
	spin_lock(&foo_queue_lock);
	if (foo_queue_depth >= done)
		foo_queue_depth -= done;
	spin_unlock(&foo_queue_lock);
	spin_unlock(&foo_hw_lock);
	return done;
}
