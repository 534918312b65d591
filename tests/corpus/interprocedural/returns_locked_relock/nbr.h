/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NBR_H
#define _NBR_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct nbr_entry {
	spinlock_t lock;		/* state, refs, hw_addr */
	struct list_head node;
	u32 ip;
	unsigned int state;
	unsigned int refs;
	u8 hw_addr[6];
};

struct nbr_table {
	struct list_head entries;
};

#define NBR_STALE	1
#define NBR_REACHABLE	2

/* nbr_table.c */
struct nbr_entry *nbr_lookup_lock(struct nbr_table *tbl, u32 ip);
void nbr_entry_mark_stale(struct nbr_entry *e);

#endif /* _NBR_H */
