// SPDX-License-Identifier: GPL-2.0
/*
 * tbl_lock() returns the spinlock it took, as pmd_lock() does. The
 * allocation that follows runs under it and must not sleep.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct tbl;

spinlock_t *tbl_lockptr(struct tbl *t, unsigned long idx);

static inline spinlock_t *tbl_lock(struct tbl *t, unsigned long idx)
{
	spinlock_t *ptl = tbl_lockptr(t, idx);

	spin_lock(ptl);
	return ptl;
}

void *tbl_dup_entry(struct tbl *t, unsigned long idx, const u64 *entry)
{
	spinlock_t *ptl = tbl_lock(t, idx);
	u64 *copy;

	copy = kmalloc(sizeof(*copy), GFP_ATOMIC);
	if (copy)
		*copy = *entry;
	spin_unlock(ptl);
	return copy;
}
