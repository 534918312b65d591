// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of lock_sock_socket_arg.c: the link state is a single
 * flag, so the ioctl reads it with READ_ONCE() and no longer takes the
 * device mutex under the socket lock.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#define PKX_IOC_LINK	0x8901

struct pkx_dev {
	struct mutex lock;		/* socks; link_up is written under it */
	struct list_head socks;
	bool link_up;
};

struct pkx_sock {
	struct sock sk;			/* must be first */
	struct pkx_dev *pdev;
	struct list_head node;
};

static int pkx_ioctl(struct socket *sock, unsigned int cmd, unsigned long arg)
{
	struct pkx_sock *ps = container_of(sock->sk, struct pkx_sock, sk);
	int link = 0, err = 0;

	if (cmd != PKX_IOC_LINK)
		return -ENOIOCTLCMD;

	lock_sock(sock->sk);
	if (!ps->pdev)
		err = -ENOTCONN;
	else
		link = READ_ONCE(ps->pdev->link_up);
	release_sock(sock->sk);
	if (!err && put_user(link, (int __user *)arg))
		err = -EFAULT;
	return err;
}

void pkx_dev_reset(struct pkx_dev *pdev)
{
	struct pkx_sock *ps;
	struct sock *sk;

	mutex_lock(&pdev->lock);
	WRITE_ONCE(pdev->link_up, false);
	list_for_each_entry(ps, &pdev->socks, node) {
		sk = &ps->sk;
		lock_sock(sk);
		skb_queue_purge(&sk->sk_receive_queue);
		release_sock(sk);
	}
	mutex_unlock(&pdev->lock);
}
