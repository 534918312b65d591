// SPDX-License-Identifier: GPL-2.0
/*
 * cond_resched() with interrupts disabled. The cache maintenance loop
 * runs with local interrupts off so no handler touches the lines being
 * cleaned, and yields the CPU every few lines; rescheduling with
 * interrupts disabled is a sleep in atomic context.
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
		if (!(addr & 0xfff))
			cond_resched();	//~ sleep-in-atomic
	}
	local_irq_restore(flags);
}
