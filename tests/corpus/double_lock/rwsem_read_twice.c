// SPDX-License-Identifier: GPL-2.0
/*
 * down_read() twice on one rw_semaphore. The debug dump was pasted into
 * the statistics walk together with its own down_read()/up_read() pair,
 * inside the section that already holds map_sem for reading. Readers of
 * an rw_semaphore do not nest: a writer queued between the two
 * acquisitions blocks the second, and waits for the first. The inner
 * up_read() pairs with the inner down_read(), so the outer up_read()
 * releases a semaphore that is still held: only the double lock is a bug.
 */
#include <linux/printk.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>

struct vmstat_space {
	struct rw_semaphore map_sem;	/* protects mappings */
	struct rb_root mappings;
	unsigned long nr_mapped;
	unsigned long nr_huge;
};

void vmstat_dump_locked(struct vmstat_space *vs);

unsigned long vmstat_count(struct vmstat_space *vs, bool verbose)
{
	unsigned long n;

	down_read(&vs->map_sem);
	n = vs->nr_mapped + vs->nr_huge;
	if (verbose) {
		down_read(&vs->map_sem);	//~ double-lock
		vmstat_dump_locked(vs);
		up_read(&vs->map_sem);
	}
	up_read(&vs->map_sem);
	return n;
}
