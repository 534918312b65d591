// SPDX-License-Identifier: GPL-2.0
/*
 * Submission: a queue that runs out of slots freezes its controller while
 * it still holds the queue lock. Both acquisitions are inside static inline
 * helpers of include/nvq.h: queue lock, then controller lock.
 */
#include "nvq.h"

#define NVQ_DEPTH	64

int nvq_submit(struct nvq *q)
{
	int ret = 0;

	nvq_lock(q);
	if (q->nr_pending >= NVQ_DEPTH) {
		nvq_ctrl_freeze(q->ctrl);	//~ lock-order-cycle
		ret = -EBUSY;
	} else {
		q->sq_tail = (q->sq_tail + 1) % NVQ_DEPTH;
		q->nr_pending++;
	}
	nvq_unlock(q);
	return ret;
}
