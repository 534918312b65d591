// SPDX-License-Identifier: GPL-2.0
/*
 * synchronize_rcu() with a spinlock held. The route table is replaced
 * under its update lock, and the old table is freed after a grace period
 * waited for before the lock is dropped.
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct rtab {
	unsigned int nr;
	u32 dst[];
};

struct rtr {
	spinlock_t update_lock;		/* writers of table */
	struct rtab __rcu *table;
};

void rtr_replace(struct rtr *r, struct rtab *new)
{
	struct rtab *old;

	spin_lock(&r->update_lock);
	old = rcu_dereference_protected(r->table, lockdep_is_held(&r->update_lock));
	rcu_assign_pointer(r->table, new);
	synchronize_rcu();	//~ sleep-in-atomic
	kfree(old);
	spin_unlock(&r->update_lock);
}
