// SPDX-License-Identifier: GPL-2.0
/*
 * An ndo_start_xmit that waits for ring space with wait_for_completion().
 * The transmit hook runs with bottom halves disabled (and may be called
 * from softirq context), so it must not sleep.
 */
#include <linux/completion.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

struct etx_priv {
	struct completion tx_space;
	unsigned int tx_free;
};

void etx_hw_queue(struct etx_priv *priv, struct sk_buff *skb);

static netdev_tx_t etx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct etx_priv *priv = netdev_priv(ndev);

	if (!priv->tx_free)
		wait_for_completion(&priv->tx_space);	//~ sleep-in-atomic
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
