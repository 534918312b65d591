// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of cpus_read_lock_recursive.c: the refresh has a
 * _cpuslocked variant for callers that already hold the hotplug lock,
 * the convention the kernel uses (static_key_enable_cpuslocked() and
 * friends), and the rebalance calls that one.
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

static void offl_refresh_threads_cpuslocked(void)
{
	unsigned int cpu;

	lockdep_assert_cpus_held();
	for_each_online_cpu(cpu) {
		struct offl_pcpu *p = per_cpu_ptr(&offl_pcpu, cpu);

		if (p->thread)
			wake_up_process(p->thread);
	}
}

void offl_refresh_threads(void)
{
	cpus_read_lock();
	offl_refresh_threads_cpuslocked();
	cpus_read_unlock();
}

void offl_rebalance(unsigned int total)
{
	unsigned int cpu, n;

	cpus_read_lock();
	n = num_online_cpus();
	for_each_online_cpu(cpu)
		per_cpu_ptr(&offl_pcpu, cpu)->weight = total / n;
	offl_refresh_threads_cpuslocked();
	cpus_read_unlock();
}
