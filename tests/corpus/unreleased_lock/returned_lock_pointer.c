// SPDX-License-Identifier: GPL-2.0
/*
 * tbl_lock() takes the table's lock and returns its address, as
 * pmd_lock() does: the caller knows the lock only by the pointer it
 * keeps. The early return on a stale entry leaves the lock held.
 */
#include <linux/errno.h>
#include <linux/spinlock.h>

struct tbl;

spinlock_t *tbl_lockptr(struct tbl *t, unsigned long idx);

static inline spinlock_t *tbl_lock(struct tbl *t, unsigned long idx)
{
	spinlock_t *ptl = tbl_lockptr(t, idx);

	spin_lock(ptl);
	return ptl;
}

int tbl_clear_entry(struct tbl *t, unsigned long idx, u64 *entry)
{
	spinlock_t *ptl = tbl_lock(t, idx);

	if (!(*entry & 1))
		return -EAGAIN;	//~ unreleased-lock
	*entry = 0;
	spin_unlock(ptl);
	return 0;
}
