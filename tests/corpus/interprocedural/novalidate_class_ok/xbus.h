/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _XBUS_H
#define _XBUS_H

#include <linux/list.h>
#include <linux/mutex.h>

struct xbus;

struct xbus_dev {
	struct mutex mutex;		/* driver binding; novalidate class */
	struct xbus *bus;
	struct list_head bus_node;
	void *driver_data;
	bool bound;
};

struct xbus {
	struct mutex lock;		/* devices, nr_bound */
	struct list_head devices;
	unsigned int nr_bound;
};

/* xbus_core.c */
void xbus_dev_initialize(struct xbus_dev *xd, struct xbus *bus);

/* xbus_drv.c */
int xbus_dev_probe(struct xbus_dev *xd);

#endif /* _XBUS_H */
