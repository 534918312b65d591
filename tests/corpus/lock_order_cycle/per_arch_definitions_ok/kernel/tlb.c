// SPDX-License-Identifier: GPL-2.0
/*
 * Generic code: tlb_lock, then mm_lock. Only the ARM flush takes tlb_lock,
 * and ARM code never calls it under mm_lock.
 */
#include <linux/spinlock.h>

DEFINE_SPINLOCK(tlb_lock);
DEFINE_SPINLOCK(mm_lock);

void tlb_shootdown(void)
{
	spin_lock(&tlb_lock);
	spin_lock(&mm_lock);
	spin_unlock(&mm_lock);
	spin_unlock(&tlb_lock);
}
