// SPDX-License-Identifier: GPL-2.0
/*
 * The lock of the wrong object: the migration path holds src->lock while
 * it pushes onto dst, whose helper requires dst->lock. Both locks are of
 * one class, but the lock held is not the lock required. The function
 * manages dst->lock itself (it takes it to kick the destination), so the
 * finding is its own.
 *
 * lockorder-corpus: known-gap(#11) any held lock of the required class counts as held, so src->lock hides the missing dst->lock
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct wq_item {
	struct list_head node;
};

struct wq_cpu {
	spinlock_t lock;		/* items, nr_items, kicked */
	struct list_head items;
	unsigned int nr_items;
	bool kicked;
};

static void wq_push_locked(struct wq_cpu *q, struct wq_item *item)
{
	lockdep_assert_held(&q->lock);

	list_add_tail(&item->node, &q->items);
	q->nr_items++;
}

void wq_migrate_one(struct wq_cpu *dst, struct wq_cpu *src)
{
	struct wq_item *item;

	spin_lock(&src->lock);
	if (list_empty(&src->items)) {
		spin_unlock(&src->lock);
		return;
	}
	item = list_first_entry(&src->items, struct wq_item, node);
	list_del(&item->node);
	src->nr_items--;
	wq_push_locked(dst, item);	//~ lock-not-held
	spin_unlock(&src->lock);

	spin_lock(&dst->lock);
	dst->kicked = true;
	spin_unlock(&dst->lock);
}
