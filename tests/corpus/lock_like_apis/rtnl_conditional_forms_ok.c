// SPDX-License-Identifier: GPL-2.0
/*
 * The conditional RTNL forms with their real polarities, all balanced:
 * rtnl_trylock() returns 1 when it got RTNL (sysfs stores restart the
 * syscall rather than wait, to avoid deadlocking against device
 * removal), rtnl_lock_killable() returns 0 when it got it, and
 * refcount_dec_and_rtnl_lock() returns true holding RTNL only when the
 * count dropped to zero.
 */
#include <linux/device.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/refcount.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

struct vlx_port {
	refcount_t ref;
	struct net_device *netdev;
	struct list_head node;		/* under RTNL */
	u16 pvid;
};

static ssize_t pvid_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct vlx_port *port = dev_get_drvdata(dev);
	u16 pvid;
	int ret;

	ret = kstrtou16(buf, 0, &pvid);
	if (ret)
		return ret;
	if (!rtnl_trylock())
		return restart_syscall();
	port->pvid = pvid;
	netdev_update_features(port->netdev);
	rtnl_unlock();
	return count;
}

int vlx_port_flush(struct vlx_port *port)
{
	if (rtnl_lock_killable())
		return -EINTR;
	dev_uc_flush(port->netdev);
	dev_mc_flush(port->netdev);
	rtnl_unlock();
	return 0;
}

void vlx_port_put(struct vlx_port *port)
{
	if (!refcount_dec_and_rtnl_lock(&port->ref))
		return;
	list_del(&port->node);
	unregister_netdevice(port->netdev);
	rtnl_unlock();
	kfree(port);
}
