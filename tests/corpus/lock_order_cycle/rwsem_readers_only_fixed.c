// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rwsem_readers_only.c: both readers take foo_bus_rwsem
 * before foo_drv_rwsem, so waiting writers cannot wedge them.
 */
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/string.h>

struct foo_bus_dev {
	struct list_head node;
	const char *name;
	bool bound;
};

struct foo_driver {
	struct list_head node;
	const char *match;
};

static DECLARE_RWSEM(foo_bus_rwsem);
static DECLARE_RWSEM(foo_drv_rwsem);
static LIST_HEAD(foo_bus_devs);
static LIST_HEAD(foo_drivers);

void foo_bus_add(struct foo_bus_dev *dev)
{
	down_write(&foo_bus_rwsem);
	list_add_tail(&dev->node, &foo_bus_devs);
	up_write(&foo_bus_rwsem);
}

void foo_driver_add(struct foo_driver *drv)
{
	down_write(&foo_drv_rwsem);
	list_add_tail(&drv->node, &foo_drivers);
	up_write(&foo_drv_rwsem);
}

unsigned int foo_count_unbound(void)
{
	struct foo_bus_dev *dev;
	unsigned int n = 0;

	down_read(&foo_bus_rwsem);
	down_read(&foo_drv_rwsem);
	list_for_each_entry(dev, &foo_bus_devs, node) {
		if (!dev->bound && !list_empty(&foo_drivers))
			n++;
	}
	up_read(&foo_drv_rwsem);
	up_read(&foo_bus_rwsem);
	return n;
}

bool foo_driver_has_devices(struct foo_driver *drv)
{
	struct foo_bus_dev *dev;
	bool found = false;

	down_read(&foo_bus_rwsem);
	down_read(&foo_drv_rwsem);
	list_for_each_entry(dev, &foo_bus_devs, node) {
		if (!strcmp(dev->name, drv->match))
			found = true;
	}
	up_read(&foo_drv_rwsem);
	up_read(&foo_bus_rwsem);
	return found;
}
