// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock() with preemption disabled. The per-CPU counters are folded
 * into the global total with preemption off, and the total is guarded by
 * a mutex taken inside that section.
 */
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/preempt.h>

static DEFINE_PER_CPU(u64, pkt_count);
static DEFINE_MUTEX(total_lock);
static u64 pkt_total;

void pkt_fold_local(void)
{
	u64 *cnt;

	preempt_disable();
	cnt = this_cpu_ptr(&pkt_count);
	mutex_lock(&total_lock);	//~ sleep-in-atomic
	pkt_total += *cnt;
	*cnt = 0;
	mutex_unlock(&total_lock);
	preempt_enable();
}
