// SPDX-License-Identifier: GPL-2.0
/*
 * One of three files that together close foo_queue_lock -> foo_tag_lock ->
 * foo_hw_lock -> foo_queue_lock. Each file adds one edge and none inverts
 * a pair, so the cycle is visible only when the three are checked as one
 * program. This file: queue, then tag.
 */
#include <linux/bitops.h>
#include "foo_locks.h"

DEFINE_SPINLOCK(foo_queue_lock);
DEFINE_SPINLOCK(foo_tag_lock);
DEFINE_SPINLOCK(foo_hw_lock);

unsigned int foo_queue_depth;
unsigned long foo_tag_map;
void __iomem *foo_doorbell;

int foo_queue_rq(void)
{
	int tag;

	spin_lock(&foo_queue_lock);
	foo_queue_depth++;
	spin_lock(&foo_tag_lock);
	tag = find_first_zero_bit(&foo_tag_map, BITS_PER_LONG);
	if (tag < BITS_PER_LONG)
		__set_bit(tag, &foo_tag_map);
	spin_unlock(&foo_tag_lock);
	spin_unlock(&foo_queue_lock);
	return tag < BITS_PER_LONG ? tag : -EBUSY;
}
