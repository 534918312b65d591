// SPDX-License-Identifier: GPL-2.0
/*
 * The flush takes the device lock up front only for a busy device. The
 * -EAGAIN retry path is reached only for an idle one, which the driver
 * asserts with BUG_ON(locked) before it takes the lock itself: BUG_ON()
 * does not return when its condition holds, so no path takes the lock
 * twice.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/mutex.h>

#define PDRV_BUSY	0x1

struct pdrv {
	struct mutex	lock;		/* queue */
	unsigned long	flags;
};

int pdrv_prepare(struct pdrv *p);
int pdrv_write(struct pdrv *p);

int pdrv_flush(struct pdrv *p)
{
	bool locked = false;
	int ret;

	if (p->flags & PDRV_BUSY) {
		mutex_lock(&p->lock);
		locked = true;
	}
	ret = pdrv_prepare(p);
	if (ret == -EAGAIN) {
		/* Only an idle device is retried: the lock is free. */
		BUG_ON(locked);
		mutex_lock(&p->lock);
		ret = pdrv_write(p);
		mutex_unlock(&p->lock);
		return ret;
	}
	if (locked)
		mutex_unlock(&p->lock);
	return ret;
}
