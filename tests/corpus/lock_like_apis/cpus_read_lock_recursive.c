// SPDX-License-Identifier: GPL-2.0
/*
 * cpus_read_lock() does not nest: cpu_hotplug_lock is a percpu
 * rw-semaphore, and once a hotplug writer is waiting the second read
 * acquisition blocks behind it while the first holds the writer off.
 * The offload driver's rebalance holds the hotplug lock to walk the
 * online CPUs and calls the per-CPU thread refresh, which takes it
 * again.
 */
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/percpu.h>

struct offl_pcpu {
	struct task_struct *thread;
	unsigned int weight;
};

static DEFINE_PER_CPU(struct offl_pcpu, offl_pcpu);

void offl_refresh_threads(void)
{
	unsigned int cpu;

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		struct offl_pcpu *p = per_cpu_ptr(&offl_pcpu, cpu);

		if (p->thread)
			wake_up_process(p->thread);
	}
	cpus_read_unlock();
}

void offl_rebalance(unsigned int total)
{
	unsigned int cpu, n;

	cpus_read_lock();
	n = num_online_cpus();
	for_each_online_cpu(cpu)
		per_cpu_ptr(&offl_pcpu, cpu)->weight = total / n;
	offl_refresh_threads();	//~ double-lock
	cpus_read_unlock();
}
