// SPDX-License-Identifier: GPL-2.0
/*
 * refcount_dec_and_rtnl_lock() takes RTNL only when it drops the last
 * reference. The port put path does the teardown under the "true" branch
 * but unlocks unconditionally: every put that is not the last releases
 * RTNL out from under whichever task holds it.
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
	}
	rtnl_unlock();	//~ unbalanced-unlock
	if (last)
		kfree(port);
}
