// SPDX-License-Identifier: GPL-2.0
/*
 * x86 code calls its own arch_flush_tlb() under mm_lock: the definition
 * nearest the caller, not the ARM one that sorts first.
 */
#include <linux/spinlock.h>

extern spinlock_t mm_lock;
void arch_flush_tlb(void);

void x86_remap(void)
{
	spin_lock(&mm_lock);
	arch_flush_tlb();
	spin_unlock(&mm_lock);
}
