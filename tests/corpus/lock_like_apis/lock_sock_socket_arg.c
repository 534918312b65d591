// SPDX-License-Identifier: GPL-2.0
/*
 * The socket lock reached through two spellings: the ioctl locks
 * lock_sock(sock->sk) straight from its struct socket, the device reset
 * locks a `struct sock *` it found on the device's list. The ioctl holds
 * the socket lock and takes the device mutex to read the link state; the
 * reset holds the device mutex and takes each bound socket's lock to
 * flush it: sk_lock -> dev->lock -> sk_lock.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#define PKX_IOC_LINK	0x8901

struct pkx_dev {
	struct mutex lock;		/* link_up, socks */
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
	if (!ps->pdev) {
		err = -ENOTCONN;
	} else {
		mutex_lock(&ps->pdev->lock);
		link = ps->pdev->link_up;
		mutex_unlock(&ps->pdev->lock);
	}
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
	pdev->link_up = false;
	list_for_each_entry(ps, &pdev->socks, node) {
		sk = &ps->sk;
		lock_sock(sk);	//~ lock-order-cycle
		skb_queue_purge(&sk->sk_receive_queue);
		release_sock(sk);
	}
	mutex_unlock(&pdev->lock);
}
