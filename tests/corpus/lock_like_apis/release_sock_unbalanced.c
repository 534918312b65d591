// SPDX-License-Identifier: GPL-2.0
/*
 * getsockopt() validates the user's length before it takes the socket
 * lock, but its failure branch jumps to the common exit, which starts
 * with release_sock(). A short optlen releases a socket lock this task
 * does not own: the owner bit is cleared under whoever holds it, and a
 * concurrent sendmsg() loses its exclusion.
 */
#include <linux/errno.h>
#include <linux/net.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#define QTP_OPT_CHANNEL	1

struct qtp_sock {
	struct sock sk;			/* must be first */
	int channel;
};

static int qtp_getsockopt(struct socket *sock, int level, int optname,
			  char __user *optval, int __user *optlen)
{
	struct sock *sk = sock->sk;
	struct qtp_sock *qs = container_of(sk, struct qtp_sock, sk);
	int len, val, err = 0;

	if (optname != QTP_OPT_CHANNEL)
		return -ENOPROTOOPT;
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < sizeof(int)) {
		err = -EINVAL;
		goto out;
	}

	lock_sock(sk);
	val = qs->channel;
	if (val < 0) {
		err = -ENOTCONN;
		goto out;
	}
	len = sizeof(int);
	if (put_user(len, optlen) || copy_to_user(optval, &val, len))
		err = -EFAULT;
out:
	release_sock(sk);	//~ unbalanced-unlock
	return err;
}
