// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of user_copy_spinlock.c that disables page faults around the
 * copy: a copy that would fault fails instead of sleeping under the lock.
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
	pagefault_disable();
	ret = copy_from_user(ring->frames, sp, sizeof(ring->frames));
	pagefault_enable();
	if (!ret)
		ring->nr = ARRAY_SIZE(ring->frames);
	spin_unlock_irqrestore(&ring->lock, flags);
	return ret ? -EFAULT : 0;
}
