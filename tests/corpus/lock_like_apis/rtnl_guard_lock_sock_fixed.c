// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rtnl_guard_lock_sock.c: the bind-to-device path takes
 * RTNL before the socket lock, as the sockopt paths of the core stack do.
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

	rtnl_lock();
	lock_sock(sk);
	if (!__dev_get_by_index(sock_net(sk), ifindex)) {
		err = -ENODEV;
	} else {
		ps->ifindex = ifindex;
		ps->dev_gone = false;
		list_add(&ps->node, &pkt2_bound);
	}
	release_sock(sk);
	rtnl_unlock();
	return err;
}
