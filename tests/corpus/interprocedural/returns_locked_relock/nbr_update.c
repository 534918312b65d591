// SPDX-License-Identifier: GPL-2.0
/*
 * A hardware address change: the entry comes back locked from the lookup,
 * and on a change the path marks it stale through the helper that takes
 * the entry's lock again. The task spins on the lock it holds.
 *
 * lockorder-corpus: known-gap(#11) a lock held because a callee returned it locked is not compared with a later acquisition of the same object
 */
#include <linux/string.h>
#include "nbr.h"

int nbr_update_hw_addr(struct nbr_table *tbl, u32 ip, const u8 *addr)
{
	struct nbr_entry *e;

	e = nbr_lookup_lock(tbl, ip);
	if (!e)
		return -ENOENT;

	if (memcmp(e->hw_addr, addr, 6)) {
		memcpy(e->hw_addr, addr, 6);
		nbr_entry_mark_stale(e);	//~ double-lock
	}
	spin_unlock(&e->lock);
	return 0;
}
