// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of ndo_start_xmit_wait.c: with the ring full the
 * transmit hook stops the queue and returns NETDEV_TX_BUSY; the TX
 * completion path wakes the queue when descriptors come back.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct etx_priv {
	unsigned int tx_free;
};

void etx_hw_queue(struct etx_priv *priv, struct sk_buff *skb);

static netdev_tx_t etx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct etx_priv *priv = netdev_priv(ndev);

	if (!priv->tx_free) {
		netif_stop_queue(ndev);
		return NETDEV_TX_BUSY;
	}
	priv->tx_free--;
	etx_hw_queue(priv, skb);
	return NETDEV_TX_OK;
}

static int etx_open(struct net_device *ndev)
{
	netif_start_queue(ndev);
	return 0;
}

static const struct net_device_ops etx_netdev_ops = {
	.ndo_open		= etx_open,
	.ndo_start_xmit		= etx_start_xmit,
};

void etx_setup(struct net_device *ndev)
{
	ndev->netdev_ops = &etx_netdev_ops;
}
