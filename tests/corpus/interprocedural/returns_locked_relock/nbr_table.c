// SPDX-License-Identifier: GPL-2.0
/*
 * nbr_lookup_lock() returns the entry for an address with its lock held,
 * or NULL with nothing held. nbr_entry_mark_stale() takes the entry's lock
 * itself.
 */
#include "nbr.h"

struct nbr_entry *nbr_lookup_lock(struct nbr_table *tbl, u32 ip)
{
	struct nbr_entry *e;

	list_for_each_entry(e, &tbl->entries, node) {
		if (e->ip != ip)
			continue;
		spin_lock(&e->lock);
		if (e->refs)
			return e;
		spin_unlock(&e->lock);
		break;
	}
	return NULL;
}

void nbr_entry_mark_stale(struct nbr_entry *e)
{
	spin_lock(&e->lock);
	e->state = NBR_STALE;
	spin_unlock(&e->lock);
}
