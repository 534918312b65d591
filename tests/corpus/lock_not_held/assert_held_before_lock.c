// SPDX-License-Identifier: GPL-2.0
/*
 * A lockdep_assert_held() helper called before the lock is taken: the
 * ring reset path unlinks the queued descriptors first and only then takes
 * ring->lock to reprogram the head pointer. lockdep would warn on the first
 * reset that runs.
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

	rng_drop_queued(ring);		//~ lock-not-held

	spin_lock_irqsave(&ring->lock, flags);
	ring->head = 0;
	rng_hw_set_head(ring, 0);
	spin_unlock_irqrestore(&ring->lock, flags);
}
