// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of trylock_backoff.c: TX completion holds the ring lock and
 * only tries nic->stats_lock. A trylock never waits, so it cannot close the
 * cycle with the reset path (stats_lock, then ring lock); when the lock is
 * busy the count is parked in ring->pending_stats for the next completion.
 */
#include <linux/netdevice.h>
#include <linux/spinlock.h>

#define FOO_NUM_RINGS	4

struct foo_nic;

struct foo_ring {
	spinlock_t lock;
	struct foo_nic *nic;
	unsigned int tail;
	unsigned int completed;
	unsigned int pending_stats;
};

struct foo_nic {
	spinlock_t stats_lock;
	struct foo_ring rings[FOO_NUM_RINGS];
	u64 tx_packets;
};

static void foo_nic_reset_stats(struct foo_nic *nic)
{
	unsigned int i;

	spin_lock_bh(&nic->stats_lock);
	nic->tx_packets = 0;
	for (i = 0; i < FOO_NUM_RINGS; i++) {
		struct foo_ring *ring = &nic->rings[i];

		spin_lock(&ring->lock);
		ring->completed = 0;
		ring->pending_stats = 0;
		spin_unlock(&ring->lock);
	}
	spin_unlock_bh(&nic->stats_lock);
}

static void foo_tx_complete(struct foo_ring *ring, unsigned int done)
{
	struct foo_nic *nic = ring->nic;

	spin_lock(&ring->lock);
	ring->tail += done;
	ring->completed += done;
	if (spin_trylock(&nic->stats_lock)) {
		nic->tx_packets += done + ring->pending_stats;
		ring->pending_stats = 0;
		spin_unlock(&nic->stats_lock);
	} else {
		ring->pending_stats += done;
	}
	spin_unlock(&ring->lock);
}
