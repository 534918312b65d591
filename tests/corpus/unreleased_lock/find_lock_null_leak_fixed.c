// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of find_lock_null_leak.c: every NULL return drops
 * srv->lock, so the lock is held exactly when a session is returned (the
 * find_lock_task_mm() shape), and the caller unlocks only then. Both
 * functions must stay silent.
 */
#include <linux/idr.h>
#include <linux/spinlock.h>

struct sess {
	u32 id;
	bool closing;
	unsigned long last_used;
};

struct sess_srv {
	spinlock_t lock;		/* sessions */
	struct idr sessions;
};

static struct sess *sess_find_lock(struct sess_srv *srv, u32 id)
{
	struct sess *s;

	spin_lock(&srv->lock);
	s = idr_find(&srv->sessions, id);
	if (!s || s->closing) {
		spin_unlock(&srv->lock);
		return NULL;
	}
	return s;
}

int sess_touch(struct sess_srv *srv, u32 id)
{
	struct sess *s;

	s = sess_find_lock(srv, id);
	if (!s)
		return -ENOENT;
	s->last_used = jiffies;
	spin_unlock(&srv->lock);
	return 0;
}
