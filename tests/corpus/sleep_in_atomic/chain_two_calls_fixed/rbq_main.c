// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of chain_two_calls/: rbq_queue_cmd() takes the queue lock
 * itself, after the sleeping allocation, so rbq_start() calls it without
 * holding the lock.
 */
#include "rbq.h"

#define RBQ_OP_RESET	0x01
#define RBQ_OP_ENABLE	0x02

int rbq_start(struct rbq *q)
{
	int ret;

	ret = rbq_queue_cmd(q, RBQ_OP_RESET, 0);
	if (!ret)
		ret = rbq_queue_cmd(q, RBQ_OP_ENABLE, 1);
	return ret;
}
