// SPDX-License-Identifier: GPL-2.0
/*
 * A NAPI poll function that refills its RX ring with alloc_skb(GFP_KERNEL).
 * NAPI poll runs in softirq context (net_rx_action), so the allocation
 * must not sleep. The sleeping call is one level down, so the finding is
 * on the call in the poll function.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#define NRX_RING_SIZE	256
#define NRX_BUF_LEN	1536

struct nrx_priv {
	struct net_device *ndev;
	struct napi_struct napi;
	struct sk_buff *rx_skb[NRX_RING_SIZE];
	unsigned int rx_head;
	unsigned int rx_tail;
};

int nrx_rx_one(struct nrx_priv *priv);

static void nrx_refill(struct nrx_priv *priv)
{
	while (priv->rx_tail != priv->rx_head) {
		struct sk_buff *skb = alloc_skb(NRX_BUF_LEN, GFP_KERNEL);

		if (!skb)
			break;
		priv->rx_skb[priv->rx_tail] = skb;
		priv->rx_tail = (priv->rx_tail + 1) % NRX_RING_SIZE;
	}
}

static int nrx_poll(struct napi_struct *napi, int budget)
{
	struct nrx_priv *priv = container_of(napi, struct nrx_priv, napi);
	int done = 0;

	while (done < budget && nrx_rx_one(priv))
		done++;
	nrx_refill(priv);	//~ sleep-in-atomic
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

void nrx_init_napi(struct nrx_priv *priv)
{
	netif_napi_add(priv->ndev, &priv->napi, nrx_poll);
}
