// SPDX-License-Identifier: GPL-2.0
/*
 * Lock and unlock under the same static key: the ring lock is needed only
 * when XDP rings are shared between CPUs. Both tests read the same key,
 * which nothing changes in between, so each path either takes and drops
 * the lock or does neither.
 */
#include <linux/jump_label.h>
#include <linux/spinlock.h>

DEFINE_STATIC_KEY_FALSE(xring_locking_key);

struct xring {
	spinlock_t tx_lock;
	unsigned int next_to_use;
};

int xring_xmit(struct xring *ring, int n)
{
	int i, sent = 0;

	if (static_branch_unlikely(&xring_locking_key))
		spin_lock(&ring->tx_lock);
	for (i = 0; i < n; i++) {
		if (ring->next_to_use == 0)
			break;
		ring->next_to_use--;
		sent++;
	}
	if (static_branch_unlikely(&xring_locking_key))
		spin_unlock(&ring->tx_lock);
	return sent;
}
