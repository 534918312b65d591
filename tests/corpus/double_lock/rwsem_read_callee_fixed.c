// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rwsem_read_callee.c: under map_sem the range check
 * calls the __vmap_find() variant, which expects the semaphore held;
 * vmap_find() keeps taking it for callers that do not hold it.
 */
#include <linux/mm.h>
#include <linux/rbtree.h>
#include <linux/rwsem.h>

struct vmap_area_desc {
	struct rb_node node;
	unsigned long start;
	unsigned long end;
};

struct vmap_space {
	struct rw_semaphore map_sem;	/* protects mappings */
	struct rb_root mappings;
	unsigned long nr_mapped;
};

struct vmap_area_desc *__vmap_find(struct vmap_space *vs, unsigned long addr);

struct vmap_area_desc *vmap_find(struct vmap_space *vs, unsigned long addr)
{
	struct vmap_area_desc *va;

	down_read(&vs->map_sem);
	va = __vmap_find(vs, addr);
	up_read(&vs->map_sem);
	return va;
}

int vmap_check_range(struct vmap_space *vs, unsigned long start,
		     unsigned long end)
{
	unsigned long addr;
	int ret = 0;

	down_read(&vs->map_sem);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		if (!__vmap_find(vs, addr)) {
			ret = -EFAULT;
			break;
		}
	}
	up_read(&vs->map_sem);
	return ret;
}
