// SPDX-License-Identifier: GPL-2.0
/*
 * The ARM variant of arch_flush_tlb(): it needs the global TLB lock.
 */
#include <linux/spinlock.h>

extern spinlock_t tlb_lock;

void arch_flush_tlb(void)
{
	spin_lock(&tlb_lock);
	/* broadcast the flush */
	spin_unlock(&tlb_lock);
}
