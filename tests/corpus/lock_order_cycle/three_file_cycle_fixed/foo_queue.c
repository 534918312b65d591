// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of three_file_cycle/: unchanged here, queue then tag.
 * foo_tag.c now drops foo_tag_lock before it rings the doorbell, so the
 * edges queue -> tag and hw -> queue no longer close a cycle.
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
