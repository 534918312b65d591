// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the ring reset path takes ring->lock before it unlinks the
 * queued descriptors.
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct rng_desc {
	struct list_head node;
};

struct rng_ring {
	spinlock_t lock;		/* queued, head, nr_queued */
	struct list_head queued;
	unsigned int head;
	unsigned int nr_queued;
};

void rng_hw_set_head(struct rng_ring *ring, unsigned int head);
void rng_desc_free(struct rng_desc *desc);

static void rng_drop_queued(struct rng_ring *ring)
{
	struct rng_desc *desc, *tmp;

	lockdep_assert_held(&ring->lock);

	list_for_each_entry_safe(desc, tmp, &ring->queued, node) {
		list_del(&desc->node);
		rng_desc_free(desc);
	}
	ring->nr_queued = 0;
}

void rng_reset(struct rng_ring *ring)
{
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	rng_drop_queued(ring);
	ring->head = 0;
	rng_hw_set_head(ring, 0);
	spin_unlock_irqrestore(&ring->lock, flags);
}
