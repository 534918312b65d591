// SPDX-License-Identifier: GPL-2.0
/*
 * Sampling a user stack under the ring's spinlock copies from user space
 * with page faults enabled: a fault would sleep with the lock held.
 */
#include <linux/spinlock.h>
#include <linux/uaccess.h>

struct sample_ring {
	spinlock_t lock;
	unsigned long frames[16];
	unsigned int nr;
};

int ring_sample_user_stack(struct sample_ring *ring,
			   const unsigned long __user *sp)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&ring->lock, flags);
	ret = copy_from_user(ring->frames, sp, sizeof(ring->frames));	//~ sleep-in-atomic
	if (!ret)
		ring->nr = ARRAY_SIZE(ring->frames);
	spin_unlock_irqrestore(&ring->lock, flags);
	return ret ? -EFAULT : 0;
}
