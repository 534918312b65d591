// SPDX-License-Identifier: GPL-2.0
/*
 * A helper entered holding the caller's `pm_lock` drops it before it takes the socket
 * lock and retakes it after: `pm_lock` does not order before `sk_lock` through it.
 */
#include <linux/spinlock.h>
#include <net/sock.h>

struct mp_sock {
	spinlock_t	pm_lock;
	struct sock	*ssk;
	int		acks;
};

static void mp_send_ack(struct mp_sock *msk)
	__must_hold(&msk->pm_lock)
{
	struct sock *ssk = msk->ssk;

	spin_unlock_bh(&msk->pm_lock);
	lock_sock(ssk);
	msk->acks++;
	release_sock(ssk);
	spin_lock_bh(&msk->pm_lock);
}

void mp_pm_work(struct mp_sock *msk)
{
	spin_lock_bh(&msk->pm_lock);
	mp_send_ack(msk);
	spin_unlock_bh(&msk->pm_lock);
}

void mp_subflow_close(struct mp_sock *msk)
{
	lock_sock(msk->ssk);
	spin_lock_bh(&msk->pm_lock);
	msk->acks = 0;
	spin_unlock_bh(&msk->pm_lock);
	release_sock(msk->ssk);
}
