// SPDX-License-Identifier: GPL-2.0
/*
 * Binding: a driver bound from user space (bind attribute) holds the
 * device's mutex and counts the binding under the bus lock — xd->mutex,
 * then bus->lock, the reverse of rescan. The mutex is of the novalidate
 * class, so lockdep (and lockorder) reports no cycle through it.
 */
#include "xbus.h"

int xbus_dev_probe(struct xbus_dev *xd)
{
	xd->bound = true;
	return 0;
}

int xbus_bind_store(struct xbus_dev *xd)
{
	struct xbus *bus = xd->bus;
	int ret = 0;

	mutex_lock(&xd->mutex);
	if (xd->bound) {
		ret = -EBUSY;
		goto out;
	}
	ret = xbus_dev_probe(xd);
	if (!ret) {
		mutex_lock(&bus->lock);
		bus->nr_bound++;
		mutex_unlock(&bus->lock);
	}
out:
	mutex_unlock(&xd->mutex);
	return ret;
}
