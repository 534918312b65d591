// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of accessor_macro_lock_fixed whose finishing helper forgets to
 * drop the state lock it was handed: the unconnected path returns with it.
 */
#include <linux/errno.h>
#include "xs.h"

void xs_finish(struct sock *s)
{
	s->sk_err = 0;
}

int xs_send(struct sock *sk)
{
	xs_state_lock(sk);
	if (!xs_sk(sk)->peer) {
		xs_finish(sk);
		return -ENOTCONN;	//~ unreleased-lock
	}
	xs_sk(sk)->peer->sk_err = 0;
	xs_state_unlock(sk);
	return 0;
}
