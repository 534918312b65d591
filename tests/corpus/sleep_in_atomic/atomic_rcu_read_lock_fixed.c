// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_rcu_read_lock.c: the state is a single word
 * updated with WRITE_ONCE(), so the reader needs no mutex.
 */
#include <linux/rculist.h>
#include <linux/rcupdate.h>

struct sess {
	struct list_head node;
	u32 id;
	u32 state;
};

static LIST_HEAD(sess_list);

int sess_set_state(u32 id, u32 state)
{
	struct sess *s;
	int ret = -ENOENT;

	rcu_read_lock();
	list_for_each_entry_rcu(s, &sess_list, node) {
		if (s->id != id)
			continue;
		WRITE_ONCE(s->state, state);
		ret = 0;
		break;
	}
	rcu_read_unlock();
	return ret;
}
