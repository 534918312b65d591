// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of spin_trylock_return.c: the trylock body always
 * reaches its unlock.
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
		if (!list_empty(&wq->pending) && !wq->running)
			hwq_start_next(wq);
		spin_unlock(&wq->lock);
	}
}
