// SPDX-License-Identifier: GPL-2.0
/*
 * AB-BA between RTNL and a NIC driver's state mutex, where the RTNL side
 * is implicit: ethtool ops and ndo_open/ndo_stop are called by the core
 * with RTNL held (ethnl/ioctl paths and dev_open() both run under
 * rtnl_lock()). They take priv->state_lock to rebuild the channels. The
 * TX-timeout recovery work takes priv->state_lock first and only then
 * rtnl_lock() to close and reopen the device, so the two orders meet as
 * soon as a user changes the ring size while a recovery is running.
 *
 * Modelled on the mlx5e recovery-work deadlocks (fixed by taking RTNL
 * before state_lock in the work, or rtnl_trylock() and requeue; subject
 * recalled as "net/mlx5e: Fix possible deadlock on mlx5e_tx_timeout_work").
 */
#include <linux/ethtool.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

struct qnic_priv {
	struct net_device *netdev;
	struct mutex state_lock;	/* channels, params, opened */
	struct work_struct tx_timeout_work;
	u32 rx_ring_size;
	u32 tx_ring_size;
	bool opened;
};

int qnic_open_channels(struct qnic_priv *priv);
void qnic_close_channels(struct qnic_priv *priv);
bool qnic_tx_queue_stuck(struct qnic_priv *priv);

static int qnic_open(struct net_device *netdev)
{
	struct qnic_priv *priv = netdev_priv(netdev);
	int err;

	mutex_lock(&priv->state_lock);
	err = qnic_open_channels(priv);
	if (!err)
		priv->opened = true;
	mutex_unlock(&priv->state_lock);
	return err;
}

static int qnic_stop(struct net_device *netdev)
{
	struct qnic_priv *priv = netdev_priv(netdev);

	mutex_lock(&priv->state_lock);
	priv->opened = false;
	qnic_close_channels(priv);
	mutex_unlock(&priv->state_lock);
	return 0;
}

static int qnic_set_ringparam(struct net_device *netdev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	struct qnic_priv *priv = netdev_priv(netdev);
	int err = 0;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;

	mutex_lock(&priv->state_lock);
	priv->rx_ring_size = ring->rx_pending;
	priv->tx_ring_size = ring->tx_pending;
	if (priv->opened) {
		qnic_close_channels(priv);
		err = qnic_open_channels(priv);
	}
	mutex_unlock(&priv->state_lock);
	return err;
}

static const struct ethtool_ops qnic_ethtool_ops = {
	.set_ringparam	= qnic_set_ringparam,
};

static const struct net_device_ops qnic_netdev_ops = {
	.ndo_open	= qnic_open,
	.ndo_stop	= qnic_stop,
};

static void qnic_tx_timeout_work(struct work_struct *work)
{
	struct qnic_priv *priv = container_of(work, struct qnic_priv,
					      tx_timeout_work);

	mutex_lock(&priv->state_lock);
	if (!priv->opened || !qnic_tx_queue_stuck(priv))
		goto unlock;
	rtnl_lock();	//~ lock-order-cycle
	dev_close(priv->netdev);
	dev_open(priv->netdev, NULL);
	rtnl_unlock();
unlock:
	mutex_unlock(&priv->state_lock);
}

void qnic_init_netdev(struct qnic_priv *priv)
{
	priv->netdev->netdev_ops = &qnic_netdev_ops;
	priv->netdev->ethtool_ops = &qnic_ethtool_ops;
	mutex_init(&priv->state_lock);
	INIT_WORK(&priv->tx_timeout_work, qnic_tx_timeout_work);
}
