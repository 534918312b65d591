// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 variant of arch_flush_tlb(): an IPI, no lock. Same name as the
 * ARM one; only one of them is ever built.
 */
void arch_flush_tlb(void)
{
	/* send the flush IPI */
}
