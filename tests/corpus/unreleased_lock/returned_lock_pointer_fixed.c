// SPDX-License-Identifier: GPL-2.0
/*
 * tbl_lock() takes the table's lock and returns its address, as
 * pmd_lock() does: the caller knows the lock only by the pointer it
 * keeps. A stale entry leaves by the unlock like every other path.
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
	int ret = 0;

	if (!(*entry & 1)) {
		ret = -EAGAIN;
		goto out;
	}
	*entry = 0;
out:
	spin_unlock(ptl);
	return ret;
}
