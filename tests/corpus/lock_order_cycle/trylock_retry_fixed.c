// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of trylock_retry.c: dirtying an inode only trylocks the LRU
 * lock under the inode lock. On failure it drops the inode lock and goes
 * back to the top, so it never waits for foo_lru_lock while holding
 * inode->lock, and the loop through the retry label adds no order.
 */
#include <linux/list.h>
#include <linux/processor.h>
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
retry:
	spin_lock(&inode->lock);
	inode->state |= FOO_I_DIRTY;
	if (!spin_trylock(&foo_lru_lock)) {
		spin_unlock(&inode->lock);
		cpu_relax();
		goto retry;
	}
	list_move_tail(&inode->lru, &foo_lru);
	spin_unlock(&foo_lru_lock);
	spin_unlock(&inode->lock);
}
