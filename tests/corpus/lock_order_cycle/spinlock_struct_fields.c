// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlocks embedded in a device structure and reached through a parameter:
 * &dev->lock and &dev->stats_lock are the classes struct foo_dev::lock and
 * struct foo_dev::stats_lock, whatever the instance. The RX path takes lock
 * then stats_lock, the statistics snapshot takes stats_lock then lock.
 *
 * struct foo_ring has fields with the same names, always taken stats_lock
 * first; those are other classes and must not join the foo_dev inversion.
 */
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct foo_dev {
	spinlock_t lock;		/* RX state */
	spinlock_t stats_lock;		/* counters */
	unsigned int rx_head;
	u64 rx_packets;
	u64 rx_bytes;
	bool running;
};

struct foo_ring {
	spinlock_t lock;
	spinlock_t stats_lock;
	unsigned int head;
	u64 drops;
};

static void foo_rx_one(struct foo_dev *dev, unsigned int len)
{
	spin_lock(&dev->lock);
	dev->rx_head++;
	spin_lock(&dev->stats_lock);
	dev->rx_packets++;
	dev->rx_bytes += len;
	spin_unlock(&dev->stats_lock);
	spin_unlock(&dev->lock);
}

static void foo_get_stats64(struct foo_dev *dev, struct rtnl_link_stats64 *stats)
{
	spin_lock(&dev->stats_lock);
	stats->rx_packets = dev->rx_packets;
	stats->rx_bytes = dev->rx_bytes;
	spin_lock(&dev->lock);	//~ lock-order-cycle
	if (!dev->running)
		stats->rx_dropped = 0;
	spin_unlock(&dev->lock);
	spin_unlock(&dev->stats_lock);
}

static void foo_ring_drop(struct foo_ring *ring)
{
	spin_lock(&ring->stats_lock);
	ring->drops++;
	spin_lock(&ring->lock);
	ring->head++;
	spin_unlock(&ring->lock);
	spin_unlock(&ring->stats_lock);
}

static void foo_ring_reset(struct foo_ring *ring)
{
	spin_lock(&ring->stats_lock);
	spin_lock(&ring->lock);
	ring->head = 0;
	ring->drops = 0;
	spin_unlock(&ring->lock);
	spin_unlock(&ring->stats_lock);
}
