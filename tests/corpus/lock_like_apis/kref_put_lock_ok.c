// SPDX-License-Identifier: GPL-2.0
/*
 * The kref_put_lock() idiom for objects found through a table: the lookup
 * takes a reference under the table's spinlock, and the put takes the
 * same spinlock only when the count drops to zero; the release callback
 * unhashes the object and drops the lock (it carries no __releases()
 * annotation, as most such callbacks do not). Nothing is held after
 * either call: no leak, no unbalanced unlock, no double lock.
 */
#include <linux/hashtable.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct ptab {
	spinlock_t lock;		/* objs */
	DECLARE_HASHTABLE(objs, 6);
};

struct pobj {
	struct kref ref;
	struct ptab *tab;
	struct hlist_node node;
	u32 id;
};

static void pobj_release(struct kref *kref)
{
	struct pobj *p = container_of(kref, struct pobj, ref);
	struct ptab *tab = p->tab;

	hash_del(&p->node);
	spin_unlock(&tab->lock);
	kfree(p);
}

struct pobj *pobj_get(struct ptab *tab, u32 id)
{
	struct pobj *p;

	spin_lock(&tab->lock);
	hash_for_each_possible(tab->objs, p, node, id) {
		if (p->id == id && kref_get_unless_zero(&p->ref)) {
			spin_unlock(&tab->lock);
			return p;
		}
	}
	spin_unlock(&tab->lock);
	return NULL;
}

void pobj_put(struct pobj *p)
{
	kref_put_lock(&p->ref, pobj_release, &p->tab->lock);
}

void pobj_put_many(struct pobj **objs, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		kref_put_lock(&objs[i]->ref, pobj_release, &objs[i]->tab->lock);
}
