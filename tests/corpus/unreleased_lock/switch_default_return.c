// SPDX-License-Identifier: GPL-2.0
/*
 * An ioctl that takes the device mutex before dispatching. RESET falls
 * through to START, STOP unlocks and returns, and the `default:` arm
 * returns -ENOTTY straight out of the switch, past the unlock below it.
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
		return -ENOTTY;	//~ unreleased-lock
	}
	mutex_unlock(&pc->lock);
	return ret;
}
