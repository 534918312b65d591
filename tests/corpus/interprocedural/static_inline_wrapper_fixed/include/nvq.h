/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NVQ_H
#define _NVQ_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct nvq_ctrl;

struct nvq {
	struct mutex lock;		/* sq_tail, nr_pending */
	struct nvq_ctrl *ctrl;
	struct list_head ctrl_node;
	u32 sq_tail;
	unsigned int nr_pending;
};

struct nvq_ctrl {
	struct mutex lock;		/* queues, frozen */
	struct list_head queues;
	bool frozen;
};

static inline void nvq_lock(struct nvq *q)
{
	mutex_lock(&q->lock);
}

static inline void nvq_unlock(struct nvq *q)
{
	mutex_unlock(&q->lock);
}

/* Stop new submissions on the whole controller. */
static inline void nvq_ctrl_freeze(struct nvq_ctrl *ctrl)
{
	mutex_lock(&ctrl->lock);
	ctrl->frozen = true;
	mutex_unlock(&ctrl->lock);
}

#endif /* _NVQ_H */
