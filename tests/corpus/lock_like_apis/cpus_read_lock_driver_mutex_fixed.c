// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of cpus_read_lock_driver_mutex.c: the sysfs period store
 * takes cpus_read_lock() before the config mutex, like the other paths.
 */
#include <linux/cleanup.h>
#include <linux/cpu.h>
#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/smp.h>

struct pcnt {
	struct mutex cfg_lock;		/* period, enabled */
	unsigned long period;
	bool enabled;
	bool smt_enabled;
};

static struct pcnt pcnt_dev;

void pcnt_program_cpu(void *info);

void pcnt_enable_all(struct pcnt *pc)
{
	guard(cpus_read_lock)();
	mutex_lock(&pc->cfg_lock);
	pc->enabled = true;
	on_each_cpu(pcnt_program_cpu, pc, 1);
	mutex_unlock(&pc->cfg_lock);
}

void pcnt_set_smt(struct pcnt *pc, bool on)
{
	cpus_write_lock();
	mutex_lock(&pc->cfg_lock);
	pc->smt_enabled = on;
	mutex_unlock(&pc->cfg_lock);
	cpus_write_unlock();
}

static ssize_t period_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	unsigned long period;
	int ret;

	ret = kstrtoul(buf, 0, &period);
	if (ret)
		return ret;

	cpus_read_lock();
	mutex_lock(&pcnt_dev.cfg_lock);
	pcnt_dev.period = period;
	if (pcnt_dev.enabled)
		on_each_cpu(pcnt_program_cpu, &pcnt_dev, 1);
	mutex_unlock(&pcnt_dev.cfg_lock);
	cpus_read_unlock();
	return count;
}
