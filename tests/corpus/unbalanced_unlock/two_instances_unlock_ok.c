// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers that release two objects' locks of one class, taken together
 * by their lock twins, as the RDMA drivers do for a QP's send and
 * receive CQs: the second unlock releases the other instance, not the
 * first one again.
 */
#include <linux/spinlock.h>

struct tbl_cq {
	spinlock_t lock;
	u32 cqn;
};

static void tbl_unlock_cqs(struct tbl_cq *send_cq, struct tbl_cq *recv_cq)
	__releases(&send_cq->lock) __releases(&recv_cq->lock)
{
	if (send_cq == recv_cq) {
		__release(&recv_cq->lock);
		spin_unlock(&send_cq->lock);
	} else if (send_cq->cqn < recv_cq->cqn) {
		spin_unlock(&recv_cq->lock);
		spin_unlock(&send_cq->lock);
	} else {
		spin_unlock(&send_cq->lock);
		spin_unlock(&recv_cq->lock);
	}
}

struct tbl_bucket {
	spinlock_t lock;
};

static void tbl_double_unlock(struct tbl_bucket *b1, struct tbl_bucket *b2)
{
	spin_unlock(&b1->lock);
	if (b1 != b2)
		spin_unlock(&b2->lock);
}
