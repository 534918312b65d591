// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of locked_entry_copy.c: a dead entry is unlocked before
 * the walk moves on, so the entry's lock is held exactly when the lookup
 * returns the copy of the locked pointer (`ret = ent`), and NULL means no
 * lock, whichever way the table lock is dropped after testing `ret`. The
 * caller unlocks only what it got.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct tag_ent {
	spinlock_t lock;
	struct hlist_node node;
	u8 tag;
	bool valid;
	bool dead;
	unsigned int hits;
};

struct tag_table {
	spinlock_t lock;		/* entries */
	struct hlist_head entries;
};

static struct tag_ent *tag_lookup_lock(struct tag_table *t, u8 tag,
				       unsigned long *irqflags)
{
	struct tag_ent *ent, *ret;
	unsigned long flags;

	ret = NULL;
	spin_lock_irqsave(&t->lock, flags);
	hlist_for_each_entry(ent, &t->entries, node) {
		if (ent->tag != tag)
			continue;
		spin_lock(&ent->lock);
		if (ent->valid && !ent->dead) {
			ret = ent;
			break;
		}
		spin_unlock(&ent->lock);
	}
	if (ret) {
		/* the caller restores interrupts with the entry's unlock */
		spin_unlock(&t->lock);
		*irqflags = flags;
	} else {
		spin_unlock_irqrestore(&t->lock, flags);
	}

	return ret;
}

static void tag_hit_locked(struct tag_ent *ent)
	__must_hold(&ent->lock)
{
	lockdep_assert_held(&ent->lock);
	ent->hits++;
}

int tag_hit(struct tag_table *t, u8 tag)
{
	struct tag_ent *ent;
	unsigned long flags;

	ent = tag_lookup_lock(t, tag, &flags);
	if (ent) {
		tag_hit_locked(ent);
		spin_unlock_irqrestore(&ent->lock, flags);
		return 0;
	}
	return -ENOENT;
}
