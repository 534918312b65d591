// SPDX-License-Identifier: GPL-2.0
/*
 * A lookup that returns the session with its mutex held, or NULL, and
 * hands back the session's generation through a pointer argument. The
 * call writes both `s` and `gen`; the lock it may take belongs to the
 * new `s`. The leak is the stale-generation return, which keeps the
 * session locked.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>

struct sess {
	struct mutex lock;		/* stamp, gen */
	unsigned int gen;
	unsigned long stamp;
};

struct sess_table {
	unsigned int gen;
};

struct sess *sess_find(struct sess_table *t, u32 id);

static struct sess *sess_get_locked(struct sess_table *t, u32 id,
				    unsigned int *gen)
{
	struct sess *s = sess_find(t, id);

	if (!s)
		return NULL;
	mutex_lock(&s->lock);
	*gen = s->gen;
	return s;
}

int sess_touch(struct sess_table *t, u32 id)
{
	struct sess *s;
	unsigned int gen;

	s = sess_get_locked(t, id, &gen);
	if (!s)
		return -ENOENT;
	if (gen != t->gen)
		return -ESTALE;	//~ unreleased-lock
	s->stamp = jiffies;
	mutex_unlock(&s->lock);
	return 0;
}
