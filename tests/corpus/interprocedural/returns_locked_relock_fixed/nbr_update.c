// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the entry that comes back locked from the lookup is marked
 * stale directly, under the lock already held.
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
		e->state = NBR_STALE;
	}
	spin_unlock(&e->lock);
	return 0;
}
