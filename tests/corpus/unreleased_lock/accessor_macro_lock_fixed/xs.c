// SPDX-License-Identifier: GPL-2.0
/*
 * The sender takes its socket's state lock through the accessor macro and,
 * when it is not connected, hands it to a helper that names it through its
 * own parameter and drops it: the same lock, `struct xs_sock::lock`,
 * whatever variable the accessor is given. (The twin's helper keeps it.)
 */
#include <linux/errno.h>
#include "xs.h"

void xs_finish(struct sock *s)
	__releases(&xs_sk(s)->lock)
{
	s->sk_err = 0;
	xs_state_unlock(s);
}

int xs_send(struct sock *sk)
{
	xs_state_lock(sk);
	if (!xs_sk(sk)->peer) {
		xs_finish(sk);
		return -ENOTCONN;
	}
	xs_sk(sk)->peer->sk_err = 0;
	xs_state_unlock(sk);
	return 0;
}
