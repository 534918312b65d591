// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_read_lock.c: the entries are snapshotted into a
 * kernel buffer under the read lock and copied out after it is dropped.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

struct ptab_entry {
	u32 port;
	u32 flags;
};

struct ptab {
	rwlock_t lock;			/* entries, nr */
	struct ptab_entry entries[64];
	unsigned int nr;
};

long ptab_dump(struct ptab *pt, struct ptab_entry __user *ubuf, unsigned int max)
{
	struct ptab_entry *snap;
	unsigned int n;
	long ret;

	snap = kcalloc(ARRAY_SIZE(pt->entries), sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	read_lock(&pt->lock);
	n = min(pt->nr, max);
	memcpy(snap, pt->entries, n * sizeof(*snap));
	read_unlock(&pt->lock);
	ret = copy_to_user(ubuf, snap, n * sizeof(*snap)) ? -EFAULT : n;
	kfree(snap);
	return ret;
}
