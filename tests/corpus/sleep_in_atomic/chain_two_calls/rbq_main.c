// SPDX-License-Identifier: GPL-2.0
/*
 * A sleep two calls away, across three files. Starting the queue holds the
 * queue spinlock with interrupts off and queues the init commands through
 * rbq_queue_cmd() (rbq_cmd.c), which allocates them with GFP_KERNEL in
 * rbq_cmd_alloc() (rbq_alloc.c). The finding is on the call made under the
 * lock.
 */
#include "rbq.h"

#define RBQ_OP_RESET	0x01
#define RBQ_OP_ENABLE	0x02

int rbq_start(struct rbq *q)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&q->lock, flags);
	ret = rbq_queue_cmd(q, RBQ_OP_RESET, 0);	//~ sleep-in-atomic
	if (!ret)
		ret = rbq_queue_cmd(q, RBQ_OP_ENABLE, 1);	//~ sleep-in-atomic
	spin_unlock_irqrestore(&q->lock, flags);
	return ret;
}
