// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: a full queue drops its lock before it freezes the
 * controller, so the controller lock is never taken under a queue lock.
 */
#include "nvq.h"

#define NVQ_DEPTH	64

int nvq_submit(struct nvq *q)
{
	bool full;

	nvq_lock(q);
	full = q->nr_pending >= NVQ_DEPTH;
	if (!full) {
		q->sq_tail = (q->sq_tail + 1) % NVQ_DEPTH;
		q->nr_pending++;
	}
	nvq_unlock(q);

	if (full) {
		nvq_ctrl_freeze(q->ctrl);
		return -EBUSY;
	}
	return 0;
}
