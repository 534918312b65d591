// SPDX-License-Identifier: GPL-2.0
/*
 * __acquires() documents that a function returns holding the lock; the
 * bail-out path that drops it is the caller's business (it checks
 * q->dying). Without the annotation both returns look alike and the one
 * that keeps the lock would be a leak.
 */
#include <linux/spinlock.h>

struct wbq {
	spinlock_t list_lock;
	unsigned long nr;
	bool dying;
};

static void wbq_lock_or_bail(struct wbq *q)
	__acquires(&q->list_lock)
{
	spin_lock(&q->list_lock);
	if (q->dying) {
		spin_unlock(&q->list_lock);
		return;
	}
}
