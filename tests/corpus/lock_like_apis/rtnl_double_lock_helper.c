// SPDX-License-Identifier: GPL-2.0
/*
 * RTNL taken twice. The capabilities worker holds RTNL while it applies
 * the new firmware limits, and clamps the MTU through the helper the
 * sysfs path uses, which takes RTNL itself. rtnl_mutex is a plain mutex:
 * the worker waits for itself, and the whole networking stack with it.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

struct fxnic_caps {
	unsigned int max_mtu;
	netdev_features_t features;
};

struct fxnic_priv {
	struct net_device *netdev;
	struct work_struct caps_work;
	struct fxnic_caps caps;
};

int fxnic_fw_query_caps(struct fxnic_priv *priv, struct fxnic_caps *caps);

int fxnic_set_mtu(struct fxnic_priv *priv, unsigned int mtu)
{
	int err;

	rtnl_lock();
	err = dev_set_mtu(priv->netdev, mtu);
	rtnl_unlock();
	return err;
}

static void fxnic_caps_work(struct work_struct *work)
{
	struct fxnic_priv *priv = container_of(work, struct fxnic_priv,
					       caps_work);
	struct net_device *netdev = priv->netdev;
	struct fxnic_caps caps;

	if (fxnic_fw_query_caps(priv, &caps))
		return;

	rtnl_lock();
	priv->caps = caps;
	netdev->max_mtu = caps.max_mtu;
	if (netdev->mtu > caps.max_mtu)
		fxnic_set_mtu(priv, caps.max_mtu);	//~ double-lock
	netdev->hw_features = caps.features;
	netdev_update_features(netdev);
	rtnl_unlock();
}
