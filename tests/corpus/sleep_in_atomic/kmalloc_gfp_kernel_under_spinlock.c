// SPDX-License-Identifier: GPL-2.0
/*
 * GFP_KERNEL allocations with a spinlock held. Adding a filter allocates
 * the entry and its key copy inside the table lock; GFP_KERNEL may enter
 * direct reclaim and sleep.
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct flt_entry {
	struct list_head node;
	u8 *key;
	size_t key_len;
};

struct flt_table {
	spinlock_t lock;		/* entries */
	struct list_head entries;
};

int flt_add(struct flt_table *tbl, const u8 *key, size_t len)
{
	struct flt_entry *e;
	int ret = 0;

	spin_lock(&tbl->lock);
	e = kzalloc(sizeof(*e), GFP_KERNEL);	//~ sleep-in-atomic
	if (!e) {
		ret = -ENOMEM;
		goto out;
	}
	e->key = kmalloc(len, GFP_KERNEL);	//~ sleep-in-atomic
	if (!e->key) {
		kfree(e);
		ret = -ENOMEM;
		goto out;
	}
	memcpy(e->key, key, len);
	e->key_len = len;
	list_add(&e->node, &tbl->entries);
out:
	spin_unlock(&tbl->lock);
	return ret;
}
