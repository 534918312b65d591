// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of switch_default_return.c: `default:` sets the error
 * and breaks to the common unlock; RESET still falls through to START.
 */
#include <linux/fs.h>
#include <linux/mutex.h>

#define PWMC_IOC_RESET	0x7001
#define PWMC_IOC_START	0x7002
#define PWMC_IOC_STOP	0x7003

struct pwmc {
	struct mutex lock;		/* channel registers */
	bool enabled;
};

void pwmc_hw_reset(struct pwmc *pc);
int pwmc_hw_start(struct pwmc *pc);
void pwmc_hw_stop(struct pwmc *pc);

static long pwmc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pwmc *pc = file->private_data;
	long ret;

	mutex_lock(&pc->lock);
	switch (cmd) {
	case PWMC_IOC_RESET:
		pwmc_hw_reset(pc);
		fallthrough;
	case PWMC_IOC_START:
		ret = pwmc_hw_start(pc);
		pc->enabled = !ret;
		break;
	case PWMC_IOC_STOP:
		pwmc_hw_stop(pc);
		pc->enabled = false;
		mutex_unlock(&pc->lock);
		return 0;
	default:
		ret = -ENOTTY;
		break;
	}
	mutex_unlock(&pc->lock);
	return ret;
}
