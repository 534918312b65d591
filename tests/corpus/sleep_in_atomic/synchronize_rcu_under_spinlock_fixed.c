// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of synchronize_rcu_under_spinlock.c: the pointer is
 * swapped under the lock, and the grace period is waited for after it is
 * released.
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
	spin_unlock(&r->update_lock);
	synchronize_rcu();
	kfree(old);
}
