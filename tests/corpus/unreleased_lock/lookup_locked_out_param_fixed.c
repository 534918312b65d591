// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of lookup_locked_out_param.c: the stale-generation path
 * leaves through the unlock. The lookup returns the session locked, or
 * NULL, and writes `gen` through a pointer argument; the lock it may take
 * belongs to the new `s`, so the unlock after a successful lookup
 * releases a held lock.
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
		goto unlock;
	s->stamp = jiffies;
unlock:
	mutex_unlock(&s->lock);
	return 0;
}
