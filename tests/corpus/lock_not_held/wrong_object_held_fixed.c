// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the migration path unlinks the item under src->lock and
 * pushes it onto dst under dst->lock.
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
	spin_unlock(&src->lock);

	spin_lock(&dst->lock);
	wq_push_locked(dst, item);
	dst->kicked = true;
	spin_unlock(&dst->lock);
}
