/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A socket family in the style of af_unix: the family's socket embeds the
 * generic one, reached through a container_of accessor macro, and the state
 * lock macros name the lock through that accessor.
 */
#ifndef _XS_H
#define _XS_H

#include <linux/container_of.h>
#include <linux/spinlock.h>
#include <net/sock.h>

struct xs_sock {
	struct sock sk;
	spinlock_t lock;
	struct sock *peer;
};

#define xs_sk(ptr) container_of_const(ptr, struct xs_sock, sk)

#define xs_state_lock(s)	spin_lock(&xs_sk(s)->lock)
#define xs_state_unlock(s)	spin_unlock(&xs_sk(s)->lock)

void xs_finish(struct sock *s);

#endif /* _XS_H */
