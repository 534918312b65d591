// SPDX-License-Identifier: GPL-2.0
/*
 * TX reclaim takes ring->lock for each descriptor. On the first
 * descriptor the hardware still owns it breaks out of the loop holding
 * the lock, and the completion update after the loop takes it again.
 * Exhausting the budget leaves the loop unlocked, so only the break path
 * relocks.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

#define ETHQ_RING_SIZE		256
#define ETHQ_TX_BUDGET		64
#define ETHQ_DESC_HW_OWNED	0x8000

struct ethq_desc {
	u32 flags;
	struct sk_buff *skb;
};

struct ethq_ring {
	spinlock_t lock;		/* tail, completed */
	struct ethq_desc desc[ETHQ_RING_SIZE];
	unsigned int tail;
	unsigned long completed;
};

void ethq_tx_clean(struct ethq_ring *ring)
{
	struct ethq_desc *desc;
	struct sk_buff *skb;
	unsigned int done = 0;

	while (done < ETHQ_TX_BUDGET) {
		spin_lock(&ring->lock);
		desc = &ring->desc[ring->tail];
		if (desc->flags & ETHQ_DESC_HW_OWNED)
			break;
		skb = desc->skb;
		desc->skb = NULL;
		ring->tail = (ring->tail + 1) % ETHQ_RING_SIZE;
		spin_unlock(&ring->lock);

		dev_consume_skb_any(skb);
		done++;
	}

	spin_lock(&ring->lock);	//~ double-lock
	ring->completed += done;
	spin_unlock(&ring->lock);
}
