// SPDX-License-Identifier: GPL-2.0
/*
 * switch fall-through between cases that lock: RESET takes cam->lock,
 * resets the sensor and falls through to START so the stream restarts,
 * and START takes cam->lock again. Entering START directly is fine; only
 * the fall-through path holds the mutex twice.
 */
#include <linux/fs.h>
#include <linux/mutex.h>

#define SCAM_IOC_RESET	0x5301
#define SCAM_IOC_START	0x5302
#define SCAM_IOC_STOP	0x5303

struct scam {
	struct mutex lock;		/* sensor registers, streaming */
	bool streaming;
};

void scam_hw_reset(struct scam *cam);
int scam_hw_start(struct scam *cam);
void scam_hw_stop(struct scam *cam);

static long scam_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct scam *cam = file->private_data;
	long ret;

	switch (cmd) {
	case SCAM_IOC_RESET:
		mutex_lock(&cam->lock);
		scam_hw_reset(cam);
		fallthrough;	/* a reset restarts the stream */
	case SCAM_IOC_START:
		mutex_lock(&cam->lock);	//~ double-lock
		ret = scam_hw_start(cam);
		if (!ret)
			cam->streaming = true;
		mutex_unlock(&cam->lock);
		break;
	case SCAM_IOC_STOP:
		mutex_lock(&cam->lock);
		scam_hw_stop(cam);
		cam->streaming = false;
		mutex_unlock(&cam->lock);
		ret = 0;
		break;
	default:
		ret = -ENOTTY;
		break;
	}
	return ret;
}
