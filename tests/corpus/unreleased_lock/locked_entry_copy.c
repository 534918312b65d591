// SPDX-License-Identifier: GPL-2.0
/*
 * A lookup that returns the matching entry with its lock held, or NULL:
 * the entry is locked inside the list walk and handed out through a copy
 * (`ret = ent`). A dead entry ends the walk with its lock still held but
 * nothing returned, so that lock is never released.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct tag_ent {
	spinlock_t lock;
	struct hlist_node node;
	u8 tag;
	bool valid;
	bool dead;
};

struct tag_table {
	spinlock_t lock;		/* entries */
	struct hlist_head entries;
};

static struct tag_ent *tag_lookup_lock(struct tag_table *t, u8 tag)
{
	struct tag_ent *ent, *ret;
	unsigned long flags;

	ret = NULL;
	spin_lock_irqsave(&t->lock, flags);
	hlist_for_each_entry(ent, &t->entries, node) {
		if (ent->tag != tag)
			continue;
		spin_lock(&ent->lock);
		if (ent->dead)
			break;
		if (ent->valid) {
			ret = ent;
			break;
		}
		spin_unlock(&ent->lock);
	}
	spin_unlock_irqrestore(&t->lock, flags);

	return ret;	//~ unreleased-lock
}
