/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HCIDEV_H
#define _HCIDEV_H

#include <linux/mutex.h>
#include <linux/spinlock.h>

struct hcidev {
	struct mutex lock;		/* device state */
	struct mutex req_lock;		/* one request at a time */
	unsigned long flags;
};

#define hcidev_lock(d)		mutex_lock(&(d)->lock)
#define hcidev_unlock(d)	mutex_unlock(&(d)->lock)
#define hcidev_req_lock(d)	mutex_lock(&(d)->req_lock)
#define hcidev_req_unlock(d)	mutex_unlock(&(d)->req_lock)

#endif
