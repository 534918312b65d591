// SPDX-License-Identifier: GPL-2.0
/*
 * Inside an `if (spin_trylock(&l))` body the lock is held. The work-queue
 * kick returns from that body when there is nothing pending and forgets
 * the unlock; the failed trylock falls off the end holding nothing.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct hwq {
	spinlock_t lock;		/* pending, running */
	struct list_head pending;
	bool running;
};

void hwq_start_next(struct hwq *wq);

void hwq_kick(struct hwq *wq)
{
	if (spin_trylock(&wq->lock)) {
		if (list_empty(&wq->pending))
			return;	//~ unreleased-lock
		if (!wq->running)
			hwq_start_next(wq);
		spin_unlock(&wq->lock);
	}
}
