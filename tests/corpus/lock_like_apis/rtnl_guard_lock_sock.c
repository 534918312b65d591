// SPDX-License-Identifier: GPL-2.0
/*
 * RTNL nests outside the socket lock. The rebind worker holds RTNL with
 * guard(rtnl)() for the whole walk and locks each bound socket inside it.
 * The bind-to-device setsockopt holds the socket lock and then takes
 * rtnl_lock() to resolve the interface index: sk_lock -> rtnl_mutex, the
 * reverse.
 */
#include <linux/cleanup.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/sock.h>

struct pkt2_sock {
	struct sock sk;			/* must be first */
	struct list_head node;		/* on pkt2_bound, under RTNL */
	int ifindex;
	bool dev_gone;
};

static LIST_HEAD(pkt2_bound);

void pkt2_rebind_work(struct work_struct *work)
{
	struct pkt2_sock *ps;

	guard(rtnl)();
	list_for_each_entry(ps, &pkt2_bound, node) {
		lock_sock(&ps->sk);
		ps->dev_gone = !__dev_get_by_index(sock_net(&ps->sk),
						   ps->ifindex);
		release_sock(&ps->sk);
	}
}

static int pkt2_bind_ifindex(struct sock *sk, int ifindex)
{
	struct pkt2_sock *ps = container_of(sk, struct pkt2_sock, sk);
	int err = 0;

	lock_sock(sk);
	rtnl_lock();	//~ lock-order-cycle
	if (!__dev_get_by_index(sock_net(sk), ifindex)) {
		err = -ENODEV;
	} else {
		ps->ifindex = ifindex;
		ps->dev_gone = false;
		list_add(&ps->node, &pkt2_bound);
	}
	rtnl_unlock();
	release_sock(sk);
	return err;
}
