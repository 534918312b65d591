/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FOO_LOCKS_H
#define _FOO_LOCKS_H

#include <linux/spinlock.h>

/* Global locks of the foo block driver, defined in foo_queue.c. */
extern spinlock_t foo_queue_lock;	/* request queue */
extern spinlock_t foo_tag_lock;		/* tag allocator */
extern spinlock_t foo_hw_lock;		/* doorbell registers */

extern unsigned int foo_queue_depth;
extern unsigned long foo_tag_map;
extern void __iomem *foo_doorbell;

#endif /* _FOO_LOCKS_H */
