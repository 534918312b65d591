// SPDX-License-Identifier: GPL-2.0
/*
 * copy_to_user() under read_lock(). Dumping the port table copies each
 * entry to user space while the table's rwlock is read-held; the copy may
 * fault and sleep.
 */
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
	unsigned int i;
	long ret = 0;

	read_lock(&pt->lock);
	for (i = 0; i < pt->nr && i < max; i++) {
		if (copy_to_user(&ubuf[i], &pt->entries[i], sizeof(ubuf[i]))) {	//~ sleep-in-atomic
			ret = -EFAULT;
			break;
		}
	}
	read_unlock(&pt->lock);
	return ret ? ret : i;
}
