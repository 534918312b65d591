// SPDX-License-Identifier: GPL-2.0
/*
 * The lookup takes the map lock unless its caller says it holds it. The
 * iterator holds the lock and says so: the lookup does not take it again.
 */
#include <linux/mutex.h>
#include <linux/types.h>

struct cmap_entry {
	u32 key;
	struct cmap_entry *next;
};

struct cmap {
	struct mutex lock;		/* head */
	struct cmap_entry *head;
};

static struct cmap_entry *cmap_lookup(struct cmap *m, u32 key, bool locked)
{
	struct cmap_entry *e;

	if (!locked)
		mutex_lock(&m->lock);
	for (e = m->head; e; e = e->next)
		if (e->key == key)
			break;
	if (!locked)
		mutex_unlock(&m->lock);
	return e;
}

int cmap_get_next_key(struct cmap *m, u32 key, u32 *next)
{
	struct cmap_entry *e;
	int ret = -ENOENT;

	mutex_lock(&m->lock);
	e = cmap_lookup(m, key, true);
	if (e && e->next) {
		*next = e->next->key;
		ret = 0;
	}
	mutex_unlock(&m->lock);
	return ret;
}

bool cmap_has(struct cmap *m, u32 key)
{
	return cmap_lookup(m, key, false) != NULL;
}
