// SPDX-License-Identifier: GPL-2.0
/*
 * A run-queue walk takes each queue's lock unless the queue runs
 * lockless, and keeps the lock's address in root_lock, NULL otherwise;
 * `if (root_lock)` tells whether it holds one. The early exit for a
 * deactivated queue forgets to drop it.
 */
#include <linux/bitops.h>
#include <linux/spinlock.h>

#define TQ_F_NOLOCK		0x1
#define TQ_STATE_DEACTIVATED	0

struct tq {
	struct tq *next_sched;
	unsigned int flags;
	unsigned long state;
	spinlock_t lock;
};

void tq_run(struct tq *q);

void tq_run_all(struct tq *head)
{
	while (head) {
		struct tq *q = head;
		spinlock_t *root_lock = NULL;

		head = head->next_sched;
		if (!(q->flags & TQ_F_NOLOCK)) {
			root_lock = &q->lock;
			spin_lock(root_lock);
		}
		if (test_bit(TQ_STATE_DEACTIVATED, &q->state))
			return;	//~ unreleased-lock
		tq_run(q);
		if (root_lock)
			spin_unlock(root_lock);
	}
}
