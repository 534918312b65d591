// SPDX-License-Identifier: GPL-2.0
/*
 * Command allocation for the rbq driver: a GFP_KERNEL allocation, which
 * may sleep.
 */
#include <linux/slab.h>
#include "rbq.h"

struct rbq_cmd *rbq_cmd_alloc(u32 opcode, u32 arg)
{
	struct rbq_cmd *cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);

	if (!cmd)
		return NULL;
	INIT_LIST_HEAD(&cmd->node);
	cmd->opcode = opcode;
	cmd->arg = arg;
	return cmd;
}
