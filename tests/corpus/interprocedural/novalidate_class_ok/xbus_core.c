// SPDX-License-Identifier: GPL-2.0
/*
 * Like the driver core's struct device, every xbus_dev's binding mutex is
 * put in lockdep's novalidate class: it nests in too many orders for
 * lockdep to follow, and lockdep checks no dependency involving it. Bus
 * rescan locks each device under the bus lock.
 */
#include <linux/lockdep.h>
#include "xbus.h"

void xbus_dev_initialize(struct xbus_dev *xd, struct xbus *bus)
{
	mutex_init(&xd->mutex);
	lockdep_set_novalidate_class(&xd->mutex);
	INIT_LIST_HEAD(&xd->bus_node);
	xd->bus = bus;
}

void xbus_rescan(struct xbus *bus)
{
	struct xbus_dev *xd;

	mutex_lock(&bus->lock);
	list_for_each_entry(xd, &bus->devices, bus_node) {
		mutex_lock(&xd->mutex);
		if (!xd->bound)
			xbus_dev_probe(xd);
		mutex_unlock(&xd->mutex);
	}
	mutex_unlock(&bus->lock);
}
