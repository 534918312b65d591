// SPDX-License-Identifier: GPL-2.0
/*
 * A protocol's packet handler runs in the NET_RX softirq. On a link
 * disconnect frame it kills the sockets of the neighbour with lock_sock(),
 * which sleeps.
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/sock.h>

#define LNK_IFACE_DISCONNECT	0x02

struct lnk_sock {
	struct sock sk;
	int state;
};

static struct sock *lnk_find_sock(struct net_device *dev);

static void lnk_kill_by_dev(struct net_device *dev)
{
	struct sock *sk = lnk_find_sock(dev);

	if (!sk)
		return;
	lock_sock(sk);
	((struct lnk_sock *)sk)->state = 0;
	release_sock(sk);
}

static int lnk_receive_frame(struct sk_buff *skb, struct net_device *dev,
			     struct packet_type *ptype, struct net_device *orig_dev)
{
	if (skb->len && skb->data[0] == LNK_IFACE_DISCONNECT)
		lnk_kill_by_dev(dev);	//~ sleep-in-atomic
	kfree_skb(skb);
	return NET_RX_SUCCESS;
}

static struct packet_type lnk_packet_type __read_mostly = {
	.type = cpu_to_be16(0x0805),
	.func = lnk_receive_frame,
};

void lnk_proto_init(void)
{
	dev_add_pack(&lnk_packet_type);
}
