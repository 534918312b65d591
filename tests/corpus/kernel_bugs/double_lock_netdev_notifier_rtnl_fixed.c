// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of double_lock_netdev_notifier_rtnl.c: dpx_del_port()
 * expects RTNL held, and the ioctl path takes it (before dpx_mutex).
 *
 * The bug was RTNL taken again from a netdevice notifier.
 *
 * Netdevice notifiers are called by the core with RTNL held
 * (call_netdevice_notifiers() asserts it). When a port's device is
 * unregistered, the datapath's notifier removes the port through
 * dpx_del_port(), which takes rtnl_lock() itself to drop the device's
 * promiscuous count: a recursive acquisition of rtnl_mutex, which
 * deadlocks.
 *
 * Modelled on the Open vSwitch datapath fix "datapath: Fix deadlock in
 * network device notifier" (dp_del_switch_port() took RTNL from
 * dp_device_event(), which already runs under it); the fix makes the
 * callers take RTNL and the helper assume it. (The upstream code also
 * took its dp_mutex in the notifier, nesting it both ways with RTNL; this
 * case keeps only the recursive RTNL.)
 */
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <linux/rtnetlink.h>

struct dpx_port {
	struct net_device *dev;
	struct list_head node;
};

static DEFINE_MUTEX(dpx_mutex);

struct dpx_port *dpx_port_of(struct net_device *dev);
void dpx_port_free(struct dpx_port *p);

/* Called with RTNL held. */
static void dpx_del_port(struct dpx_port *p)
{
	dev_set_promiscuity(p->dev, -1);
	list_del(&p->node);
	dpx_port_free(p);
}

static int dpx_device_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct dpx_port *p = dpx_port_of(dev);

	if (!p || event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;

	dpx_del_port(p);
	return NOTIFY_DONE;
}

static struct notifier_block dpx_notifier = {
	.notifier_call = dpx_device_event,
};

int dpx_ioctl_del_port(struct net_device *dev)
{
	struct dpx_port *p;

	rtnl_lock();
	mutex_lock(&dpx_mutex);
	p = dpx_port_of(dev);
	if (p)
		dpx_del_port(p);
	mutex_unlock(&dpx_mutex);
	rtnl_unlock();
	return p ? 0 : -ENODEV;
}

int dpx_init(void)
{
	return register_netdevice_notifier(&dpx_notifier);
}
