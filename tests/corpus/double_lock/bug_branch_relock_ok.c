// SPDX-License-Identifier: GPL-2.0
/*
 * A relock after a branch that ends in BUG(). The only path that reaches
 * the second spin_lock() still holding q->lock is the `default:` arm, and
 * BUG() never returns; every other arm drops the lock first. Nor is the
 * lock leaked: the path that keeps it ends in BUG() too.
 */
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

enum cmdq_state {
	CMDQ_IDLE,
	CMDQ_RUNNING,
	CMDQ_STOPPING,
};

struct cmdq {
	spinlock_t lock;		/* state, head, tail */
	enum cmdq_state state;
	unsigned int head;
	unsigned int tail;
};

void cmdq_hw_stop(struct cmdq *q);

void cmdq_stop(struct cmdq *q)
{
	spin_lock(&q->lock);
	switch (q->state) {
	case CMDQ_IDLE:
		spin_unlock(&q->lock);
		return;
	case CMDQ_RUNNING:
	case CMDQ_STOPPING:
		q->state = CMDQ_STOPPING;
		spin_unlock(&q->lock);
		break;
	default:
		pr_crit("cmdq: corrupt state %d\n", q->state);
		BUG();
	}

	cmdq_hw_stop(q);

	spin_lock(&q->lock);
	q->head = q->tail;
	q->state = CMDQ_IDLE;
	spin_unlock(&q->lock);
}
