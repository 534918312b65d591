// SPDX-License-Identifier: GPL-2.0
/*
 * The tag allocator rings the doorbell for a freed tag while it still holds
 * foo_tag_lock: tag, then hw. Every edge of the three-file cycle has one
 * witness, so the tie goes to the witness latest in file order, and this
 * file's path sorts last (foo_hw.c, foo_queue.c, foo_tag.c).
 */
#include <linux/bitops.h>
#include <linux/io.h>
#include "foo_locks.h"

void foo_put_tag(int tag)
{
	spin_lock(&foo_tag_lock);
	__clear_bit(tag, &foo_tag_map);
	spin_lock(&foo_hw_lock);	//~ lock-order-cycle
	writel(tag, foo_doorbell);
	spin_unlock(&foo_hw_lock);
	spin_unlock(&foo_tag_lock);
}
