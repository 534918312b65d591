// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_local_irq_save.c: interrupts are disabled for
 * one page of lines at a time and re-enabled before cond_resched().
 */
#include <linux/irqflags.h>
#include <linux/sched.h>

void l2c_clean_line(unsigned long addr);

void l2c_clean_range(unsigned long start, unsigned long end)
{
	unsigned long flags, addr;

	local_irq_save(flags);
	for (addr = start; addr < end; addr += 64) {
		l2c_clean_line(addr);
		if (!(addr & 0xfff)) {
			local_irq_restore(flags);
			cond_resched();
			local_irq_save(flags);
		}
	}
	local_irq_restore(flags);
}
