// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_preempt_disable.c: the mutex is taken first and
 * preemption is disabled only around the per-CPU read and reset.
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

	mutex_lock(&total_lock);
	preempt_disable();
	cnt = this_cpu_ptr(&pkt_count);
	pkt_total += *cnt;
	*cnt = 0;
	preempt_enable();
	mutex_unlock(&total_lock);
}
