// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock() inside an RCU read-side critical section. The lookup walks
 * the session list under rcu_read_lock() and takes the matching session's
 * mutex before leaving it; blocking is forbidden in a classic RCU reader.
 */
#include <linux/mutex.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>

struct sess {
	struct list_head node;
	struct mutex lock;		/* state */
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
		mutex_lock(&s->lock);	//~ sleep-in-atomic
		s->state = state;
		mutex_unlock(&s->lock);
		ret = 0;
		break;
	}
	rcu_read_unlock();
	return ret;
}
