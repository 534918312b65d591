// SPDX-License-Identifier: GPL-2.0
/*
 * The flush takes the device lock up front only for a busy device. The
 * -EAGAIN retry path asserts the opposite of what it needs,
 * BUG_ON(!locked): past it the lock is always held, and taking it again
 * deadlocks. (The fixed twin is bug_on_excludes_path_ok.c.)
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
		BUG_ON(!locked);
		mutex_lock(&p->lock);	//~ double-lock
		ret = pdrv_write(p);
		mutex_unlock(&p->lock);
		return ret;
	}
	if (locked)
		mutex_unlock(&p->lock);
	return ret;
}
