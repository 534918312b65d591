/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _RBQ_H
#define _RBQ_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct rbq_cmd {
	struct list_head node;
	u32 opcode;
	u32 arg;
};

struct rbq {
	spinlock_t lock;		/* cmds, depth */
	struct list_head cmds;
	unsigned int depth;
};

struct rbq_cmd *rbq_cmd_alloc(u32 opcode, u32 arg);
int rbq_queue_cmd(struct rbq *q, u32 opcode, u32 arg);

#endif /* _RBQ_H */
