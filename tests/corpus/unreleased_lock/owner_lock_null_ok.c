// SPDX-License-Identifier: GPL-2.0
/*
 * Lock a cache entry's owner for teardown, the way dcache's lock_for_kill()
 * locks a dentry's inode. Called with the entry's lock held. Returns false
 * if the entry is busy; otherwise true, with the owner's lock held when the
 * entry has an owner. An entry whose owner went away while the entry lock
 * was dropped returns true holding nothing: there is no owner to lock, and
 * the caller tests e->owner before unlocking it.
 */
#include <linux/spinlock.h>
#include <linux/compiler.h>

struct objc_owner {
	spinlock_t lock;
	unsigned int nr_entries;
};

struct objc_entry {
	spinlock_t lock;
	struct objc_owner *owner;
	unsigned int refs;
};

static bool objc_lock_owner(struct objc_entry *e)
	__must_hold(&e->lock)
{
	struct objc_owner *owner = e->owner;

	if (e->refs)
		return false;

	if (!owner || likely(spin_trylock(&owner->lock)))
		return true;

	do {
		spin_unlock(&e->lock);
		spin_lock(&owner->lock);
		spin_lock(&e->lock);
		if (likely(owner == e->owner))
			break;
		spin_unlock(&owner->lock);
		owner = e->owner;
	} while (owner);
	if (likely(!e->refs))
		return true;
	if (owner)
		spin_unlock(&owner->lock);
	return false;
}
