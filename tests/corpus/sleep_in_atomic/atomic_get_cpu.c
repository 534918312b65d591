// SPDX-License-Identifier: GPL-2.0
/*
 * flush_work() between get_cpu() and put_cpu(). To drain the current CPU's
 * queue, the code pins itself with get_cpu(), queues the drain work on
 * that CPU and waits for it; get_cpu() disables preemption, and
 * flush_work() sleeps.
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
	flush_work(w);	//~ sleep-in-atomic
	put_cpu();
}
