// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of sleep_kzalloc_callee_spinlock.c: the entry is allocated
 * before the spinlock is taken.
 *
 * The bug was a GFP_KERNEL allocation one call below a spinlock.
 *
 * Adding an RX steering filter holds the adapter's filter spinlock (with
 * IRQs off, the interrupt path also reads the list) while it calls
 * mvx_filter_alloc(), which allocates the new entry with GFP_KERNEL. The
 * allocation can enter reclaim and sleep with the spinlock held.
 *
 * Modelled on the "Fix a possible sleep-in-atomic-context bug in ..."
 * fixes that a static checker produced across drivers in 2018 (GFP_KERNEL
 * replaced by GFP_ATOMIC, or the allocation moved before the lock).
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct mvx_filter {
	struct list_head node;
	u8 addr[6];
	u16 queue;
};

struct mvx_adapter {
	spinlock_t filter_lock;		/* filters, nr_filters */
	struct list_head filters;
	unsigned int nr_filters;
};

static struct mvx_filter *mvx_filter_alloc(const u8 *addr, u16 queue)
{
	struct mvx_filter *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return NULL;
	memcpy(f->addr, addr, sizeof(f->addr));
	f->queue = queue;
	return f;
}

int mvx_add_rx_filter(struct mvx_adapter *ad, const u8 *addr, u16 queue)
{
	struct mvx_filter *f;
	unsigned long flags;
	int ret = 0;

	f = mvx_filter_alloc(addr, queue);
	if (!f)
		return -ENOMEM;

	spin_lock_irqsave(&ad->filter_lock, flags);
	list_add_tail(&f->node, &ad->filters);
	ad->nr_filters++;
	spin_unlock_irqrestore(&ad->filter_lock, flags);
	return ret;
}
