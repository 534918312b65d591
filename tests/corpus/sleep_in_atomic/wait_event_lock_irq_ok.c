// SPDX-License-Identifier: GPL-2.0
/*
 * wait_event_lock_irq() called with the spinlock held, as it must be: the
 * macro drops the lock (and enables interrupts) around each schedule() and
 * retakes it before testing the condition, so nothing sleeps with the lock
 * held.
 */
#include <linux/spinlock.h>
#include <linux/wait.h>

struct blkq {
	spinlock_t lock;		/* frozen, inflight */
	wait_queue_head_t drain_wq;
	bool frozen;
	unsigned int inflight;
};

void blkq_freeze(struct blkq *q)
{
	spin_lock_irq(&q->lock);
	q->frozen = true;
	wait_event_lock_irq(q->drain_wq, !q->inflight, q->lock);
	spin_unlock_irq(&q->lock);
}
