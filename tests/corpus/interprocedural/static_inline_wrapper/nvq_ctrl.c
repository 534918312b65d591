// SPDX-License-Identifier: GPL-2.0
/*
 * Controller reset walks its queues under the controller lock and locks
 * each one through the header's nvq_lock(): controller lock, then queue
 * lock.
 */
#include "nvq.h"

void nvq_ctrl_reset(struct nvq_ctrl *ctrl)
{
	struct nvq *q;

	mutex_lock(&ctrl->lock);
	list_for_each_entry(q, &ctrl->queues, ctrl_node) {
		nvq_lock(q);
		q->sq_tail = 0;
		q->nr_pending = 0;
		nvq_unlock(q);
	}
	ctrl->frozen = false;
	mutex_unlock(&ctrl->lock);
}
