// SPDX-License-Identifier: GPL-2.0
/*
 * A while loop that drops the queue lock around each request and takes
 * it back at the bottom. Cancelled requests are freed and skipped with
 * `continue` — which bypasses the relock, so the next iteration drops a
 * lock it no longer holds, and so does the unlock after the loop when
 * that was the last request.
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
		spin_unlock(&q->lock);	//~ unbalanced-unlock

		if (req->cancelled) {
			kfree(req);
			continue;
		}
		blkq_hw_submit(q, req);

		spin_lock(&q->lock);
	}
	spin_unlock(&q->lock);	//~ unbalanced-unlock
}
