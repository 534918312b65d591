// SPDX-License-Identifier: GPL-2.0
/*
 * A relock in a loop after a callee dropped the lock: the writeback loop
 * holds wb->lock, hands each batch to wbq_submit_unlock(), which is
 * entered holding the lock and releases it (__releases), and takes the
 * lock again before testing the list. Each spin_lock() runs with the lock
 * free; the unlock after the loop releases the last relock.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct wbq_req {
	struct list_head node;
};

struct wbq {
	spinlock_t lock;		/* pending */
	struct list_head pending;
	unsigned int inflight;
};

void wbq_hw_submit(struct wbq *wb, struct wbq_req *req);

static void wbq_submit_unlock(struct wbq *wb, struct wbq_req *req)
	__releases(&wb->lock)
{
	list_del_init(&req->node);
	wb->inflight++;
	spin_unlock(&wb->lock);
	wbq_hw_submit(wb, req);
}

void wbq_flush(struct wbq *wb)
{
	struct wbq_req *req;

	spin_lock(&wb->lock);
	while (!list_empty(&wb->pending)) {
		req = list_first_entry(&wb->pending, struct wbq_req, node);
		wbq_submit_unlock(wb, req);
		spin_lock(&wb->lock);
	}
	spin_unlock(&wb->lock);
}
