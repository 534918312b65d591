// SPDX-License-Identifier: GPL-2.0
/*
 * Holding the lock of a different object of the same type: the work
 * stealer takes and drops src->lock and pushes onto dst, which requires
 * dst->lock. It never touches dst->lock itself, so the requirement is its
 * callers', and its only caller holds dst->lock around the call. A check
 * that compared lock classes instead of lock paths would see "the lock was
 * released before the call" here.
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct wq_item {
	struct list_head node;
};

struct wq_cpu {
	spinlock_t lock;		/* items, nr_items */
	struct list_head items;
	unsigned int nr_items;
};

static void wq_push_locked(struct wq_cpu *q, struct wq_item *item)
{
	lockdep_assert_held(&q->lock);

	list_add_tail(&item->node, &q->items);
	q->nr_items++;
}

static bool wq_steal_one(struct wq_cpu *dst, struct wq_cpu *src)
{
	struct wq_item *item = NULL;

	spin_lock_nested(&src->lock, SINGLE_DEPTH_NESTING);
	if (!list_empty(&src->items)) {
		item = list_first_entry(&src->items, struct wq_item, node);
		list_del(&item->node);
		src->nr_items--;
	}
	spin_unlock(&src->lock);

	if (!item)
		return false;
	wq_push_locked(dst, item);
	return true;
}

void wq_balance(struct wq_cpu *dst, struct wq_cpu *src)
{
	spin_lock(&dst->lock);
	while (dst->nr_items < 4 && wq_steal_one(dst, src))
		;
	spin_unlock(&dst->lock);
}
