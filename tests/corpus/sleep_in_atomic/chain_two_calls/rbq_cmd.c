// SPDX-License-Identifier: GPL-2.0
/*
 * Queueing a command: allocates it (rbq_alloc.c) and appends it to the
 * command list. The caller is expected to hold q->lock.
 */
#include "rbq.h"

int rbq_queue_cmd(struct rbq *q, u32 opcode, u32 arg)
{
	struct rbq_cmd *cmd = rbq_cmd_alloc(opcode, arg);

	if (!cmd)
		return -ENOMEM;
	list_add_tail(&cmd->node, &q->cmds);
	q->depth++;
	return 0;
}
