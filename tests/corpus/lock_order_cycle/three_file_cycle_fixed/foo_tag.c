// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of three_file_cycle/foo_tag.c: the tag is freed under
 * foo_tag_lock, which is released before foo_hw_lock is taken to ring the
 * doorbell.
 */
#include <linux/bitops.h>
#include <linux/io.h>
#include "foo_locks.h"

void foo_put_tag(int tag)
{
	spin_lock(&foo_tag_lock);
	__clear_bit(tag, &foo_tag_map);
	spin_unlock(&foo_tag_lock);

	spin_lock(&foo_hw_lock);
	writel(tag, foo_doorbell);
	spin_unlock(&foo_hw_lock);
}
