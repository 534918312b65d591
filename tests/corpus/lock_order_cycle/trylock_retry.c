// SPDX-License-Identifier: GPL-2.0
/*
 * An inode cache: eviction holds the LRU lock and takes each inode's lock;
 * dirtying an inode holds its lock and then takes the LRU lock to move it
 * to the tail. The usual fix (trylock_retry_fixed.c) is to trylock the
 * LRU lock and, when that fails, drop the inode lock and start over.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct foo_inode {
	spinlock_t lock;
	struct list_head lru;
	unsigned long state;
};

#define FOO_I_DIRTY	0x1

static DEFINE_SPINLOCK(foo_lru_lock);
static LIST_HEAD(foo_lru);

unsigned int foo_evict_clean(void)
{
	struct foo_inode *inode, *next;
	unsigned int n = 0;

	spin_lock(&foo_lru_lock);
	list_for_each_entry_safe(inode, next, &foo_lru, lru) {
		spin_lock(&inode->lock);
		if (!(inode->state & FOO_I_DIRTY)) {
			list_del_init(&inode->lru);
			n++;
		}
		spin_unlock(&inode->lock);
	}
	spin_unlock(&foo_lru_lock);
	return n;
}

void foo_mark_dirty(struct foo_inode *inode)
{
	spin_lock(&inode->lock);
	inode->state |= FOO_I_DIRTY;
	spin_lock(&foo_lru_lock);	//~ lock-order-cycle
	list_move_tail(&inode->lru, &foo_lru);
	spin_unlock(&foo_lru_lock);
	spin_unlock(&inode->lock);
}
