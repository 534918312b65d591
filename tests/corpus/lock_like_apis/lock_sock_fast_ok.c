// SPDX-License-Identifier: GPL-2.0
/*
 * lock_sock_fast() returns whether it took the slow path; the matching
 * unlock_sock_fast(sk, slow) releases whichever it took. Short sections
 * use it, the long one uses lock_sock()/release_sock(). All balanced.
 */
#include <linux/errno.h>
#include <linux/net.h>
#include <net/sock.h>

struct rsk_stats {
	unsigned int rcvbuf;
	unsigned int sndbuf;
	int err;
};

void rsk_get_stats(struct sock *sk, struct rsk_stats *st)
{
	bool slow = lock_sock_fast(sk);

	st->rcvbuf = sk->sk_rcvbuf;
	st->sndbuf = sk->sk_sndbuf;
	st->err = sk->sk_err;
	unlock_sock_fast(sk, slow);
}

int rsk_set_sndbuf(struct sock *sk, int val)
{
	bool slow;

	if (val <= 0)
		return -EINVAL;
	slow = lock_sock_fast(sk);
	WRITE_ONCE(sk->sk_sndbuf, val);
	sk->sk_userlocks |= SOCK_SNDBUF_LOCK;
	unlock_sock_fast(sk, slow);
	return 0;
}

int rsk_reset(struct sock *sk)
{
	lock_sock(sk);
	sk->sk_err = 0;
	sk->sk_shutdown = 0;
	release_sock(sk);
	return 0;
}
