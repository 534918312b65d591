// SPDX-License-Identifier: GPL-2.0
/*
 * down_read() twice on one rw_semaphore, the second time inside a callee:
 * vmap_check_range() holds map_sem for reading and calls vmap_find(),
 * which takes it for reading again. rw-semaphore readers do not nest: a
 * writer queued between the two down_read() calls blocks the second one,
 * and the writer waits for the first. The mark is on the call site.
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

static struct vmap_area_desc *vmap_find(struct vmap_space *vs,
					unsigned long addr)
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
		if (!vmap_find(vs, addr)) {	//~ double-lock
			ret = -EFAULT;
			break;
		}
	}
	up_read(&vs->map_sem);
	return ret;
}
