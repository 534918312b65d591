// SPDX-License-Identifier: GPL-2.0
/*
 * cancel_work_sync() under RTNL on a work item that takes RTNL.
 *
 * The IPoIB-style child-interface teardown holds rtnl_lock() while it
 * unregisters the device, and cancels the carrier-on work with
 * cancel_work_sync(). The carrier work itself takes rtnl_lock() to call
 * netif_carrier_on(): if it is already running, it waits for RTNL, and
 * the teardown waits for it forever.
 *
 * Modelled on "IB/ipoib: Consolidate rtnl_lock tasks in workqueue" and the
 * similar fixes that stopped flushing, under RTNL, work that itself takes
 * RTNL (the mlx5e tx-timeout work had the same shape).
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

struct ipx_priv {
	struct net_device *dev;
	struct work_struct carrier_on_task;
	bool mcast_joined;
};

static void ipx_carrier_on_task(struct work_struct *work)
{
	struct ipx_priv *priv = container_of(work, struct ipx_priv,
					     carrier_on_task);

	rtnl_lock();
	if (priv->mcast_joined)
		netif_carrier_on(priv->dev);
	rtnl_unlock();
}

void ipx_priv_init(struct ipx_priv *priv)
{
	INIT_WORK(&priv->carrier_on_task, ipx_carrier_on_task);
}

void ipx_remove_child(struct ipx_priv *priv)
{
	rtnl_lock();
	priv->mcast_joined = false;
	cancel_work_sync(&priv->carrier_on_task);	//~ wait-under-lock
	unregister_netdevice(priv->dev);
	rtnl_unlock();
}
