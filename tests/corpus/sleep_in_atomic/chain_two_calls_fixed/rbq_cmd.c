// SPDX-License-Identifier: GPL-2.0
/*
 * Queueing a command: allocates it (rbq_alloc.c) before taking the queue
 * lock, and appends it to the command list under the lock.
 */
#include "rbq.h"

int rbq_queue_cmd(struct rbq *q, u32 opcode, u32 arg)
{
	struct rbq_cmd *cmd = rbq_cmd_alloc(opcode, arg);
	unsigned long flags;

	if (!cmd)
		return -ENOMEM;
	spin_lock_irqsave(&q->lock, flags);
	list_add_tail(&cmd->node, &q->cmds);
	q->depth++;
	spin_unlock_irqrestore(&q->lock, flags);
	return 0;
}
