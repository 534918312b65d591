// SPDX-License-Identifier: GPL-2.0
/*
 * A reservation helper in the style of hugetlb's
 * allocate_file_region_entries(): called with the map lock held, it
 * drops the lock to allocate and takes it back only when the allocation
 * succeeds, so it returns -ENOMEM without the lock. The caller returns
 * at once on that error path, and unlocks only after success.
 */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct rmap {
	spinlock_t lock;		/* cache, adds */
	void *cache;
	long adds;
};

static int rmap_reserve(struct rmap *m, size_t size)
	__must_hold(&m->lock)
{
	void *p;

	spin_unlock(&m->lock);
	p = kmalloc(size, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	spin_lock(&m->lock);
	m->cache = p;
	return 0;
}

long rmap_add(struct rmap *m, size_t size)
{
	int ret;

	spin_lock(&m->lock);
	ret = rmap_reserve(m, size);
	if (ret)
		return ret;
	m->adds++;
	spin_unlock(&m->lock);
	return 0;
}
