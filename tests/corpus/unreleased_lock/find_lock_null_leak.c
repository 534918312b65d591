// SPDX-License-Identifier: GPL-2.0
/*
 * A "returns locked" lookup: sess_find_lock() returns the session with
 * srv->lock held, or NULL with it released — the shape callers rely on
 * (they unlock only when they got a session). The closing-session check
 * returns NULL without the unlock, so a caller that sees NULL leaves the
 * lock held forever.
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

struct sess *sess_find_lock(struct sess_srv *srv, u32 id)
{
	struct sess *s;

	spin_lock(&srv->lock);
	s = idr_find(&srv->sessions, id);
	if (!s) {
		spin_unlock(&srv->lock);
		return NULL;
	}
	if (s->closing)
		return NULL;	//~ unreleased-lock
	return s;
}
