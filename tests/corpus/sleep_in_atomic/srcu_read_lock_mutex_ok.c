// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping inside an SRCU read-side section, which SRCU allows (unlike
 * rcu_read_lock()): the notifier walk takes each listener's mutex and may
 * wait for it.
 */
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/srcu.h>

struct lsn {
	struct list_head node;
	struct mutex lock;		/* seen */
	u64 seen;
};

DEFINE_STATIC_SRCU(lsn_srcu);
static LIST_HEAD(lsn_list);

void lsn_notify(u64 event)
{
	struct lsn *l;
	int idx;

	idx = srcu_read_lock(&lsn_srcu);
	list_for_each_entry_srcu(l, &lsn_list, node, srcu_read_lock_held(&lsn_srcu)) {
		mutex_lock(&l->lock);
		l->seen = event;
		mutex_unlock(&l->lock);
	}
	srcu_read_unlock(&lsn_srcu, idx);
}
