// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_get_cpu.c: the CPU number is only used to pick
 * the work item, so preemption is re-enabled with put_cpu() before the
 * flush; the work drains the CPU it was queued on either way.
 */
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/workqueue.h>

static DEFINE_PER_CPU(struct work_struct, drain_work);

void drain_this_cpu(void)
{
	struct work_struct *w;
	int cpu;

	cpu = get_cpu();
	w = per_cpu_ptr(&drain_work, cpu);
	schedule_work_on(cpu, w);
	put_cpu();
	flush_work(w);
}
