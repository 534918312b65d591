// SPDX-License-Identifier: GPL-2.0
/*
 * A listener and the child socket it accepts are two instances of one
 * socket lock class: the listener is locked with lock_sock() and the child
 * inside it with lock_sock_nested(child, SINGLE_DEPTH_NESTING), as
 * lockdep requires. Other paths lock only the child. Neither a double
 * lock nor a cycle of the class with itself.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/net.h>
#include <net/sock.h>

struct lnk_sock {
	struct sock sk;			/* must be first */
	struct list_head accept_q;	/* on the listener: pending children */
	struct list_head node;		/* on the child: entry in accept_q */
	struct sock *parent;
	bool accepted;
};

static inline struct lnk_sock *lnk_sk(struct sock *sk)
{
	return container_of(sk, struct lnk_sock, sk);
}

struct sock *lnk_accept_one(struct sock *parent)
{
	struct lnk_sock *lp = lnk_sk(parent);
	struct lnk_sock *lc;
	struct sock *child = NULL;

	lock_sock(parent);
	lc = list_first_entry_or_null(&lp->accept_q, struct lnk_sock, node);
	if (lc) {
		child = &lc->sk;
		lock_sock_nested(child, SINGLE_DEPTH_NESTING);
		list_del_init(&lc->node);
		lc->parent = NULL;
		lc->accepted = true;
		release_sock(child);
	}
	release_sock(parent);
	return child;
}

int lnk_child_shutdown(struct sock *child)
{
	int err = 0;

	lock_sock(child);
	if (!lnk_sk(child)->accepted)
		err = -ENOTCONN;
	else
		child->sk_shutdown = SHUTDOWN_MASK;
	release_sock(child);
	return err;
}
