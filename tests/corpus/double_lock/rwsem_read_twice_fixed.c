// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rwsem_read_twice.c: the section already holds
 * map_sem for reading, so the dump runs without a second down_read().
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
	if (verbose)
		vmstat_dump_locked(vs);
	up_read(&vs->map_sem);
	return n;
}
