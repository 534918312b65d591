// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of kmalloc_gfp_kernel_under_spinlock.c: the entry is
 * allocated and filled before the lock is taken; the lock covers only the
 * list insertion.
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

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->key = kmalloc(len, GFP_KERNEL);
	if (!e->key) {
		kfree(e);
		return -ENOMEM;
	}
	memcpy(e->key, key, len);
	e->key_len = len;
	spin_lock(&tbl->lock);
	list_add(&e->node, &tbl->entries);
	spin_unlock(&tbl->lock);
	return 0;
}
