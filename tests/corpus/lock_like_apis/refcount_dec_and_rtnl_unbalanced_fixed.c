// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of refcount_dec_and_rtnl_unbalanced.c: RTNL is released
 * only on the branch where refcount_dec_and_rtnl_lock() took it.
 */
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/refcount.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

struct vlx_port {
	refcount_t ref;
	struct net_device *netdev;
	struct list_head node;		/* under RTNL */
};

void vlx_port_put(struct vlx_port *port)
{
	bool last = refcount_dec_and_rtnl_lock(&port->ref);

	if (last) {
		list_del(&port->node);
		unregister_netdevice(port->netdev);
		rtnl_unlock();
	}
	if (last)
		kfree(port);
}
