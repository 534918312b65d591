// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of loop_continue_unlocked.c: the cancelled-request path
 * retakes the lock before it continues, so every iteration and the loop
 * exit hold it, as the unlocks expect.
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct blkq_req {
	struct list_head node;
	bool cancelled;
};

struct blkq {
	spinlock_t lock;		/* pending */
	struct list_head pending;
};

void blkq_hw_submit(struct blkq *q, struct blkq_req *req);

void blkq_run(struct blkq *q)
{
	struct blkq_req *req;

	spin_lock(&q->lock);
	while (!list_empty(&q->pending)) {
		req = list_first_entry(&q->pending, struct blkq_req, node);
		list_del(&req->node);
		spin_unlock(&q->lock);

		if (req->cancelled) {
			kfree(req);
			spin_lock(&q->lock);
			continue;
		}
		blkq_hw_submit(q, req);

		spin_lock(&q->lock);
	}
	spin_unlock(&q->lock);
}
