// SPDX-License-Identifier: GPL-2.0
/*
 * A helper asserts the QP's receive lock only when it is told it runs in
 * interrupt context; the process-context callers pass false and hold
 * nothing. The ack path passes true on its way down but takes qp->r_lock
 * only afterwards: lockdep fires on the first ack.
 */
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct tid_qp {
	spinlock_t r_lock;		/* r_state, r_head */
	unsigned int r_state;
	unsigned int r_head;
	unsigned int alloc;
};

int tid_try_alloc(struct tid_qp *qp);

/* Only the receive interrupt may schedule the RNR NAK: it holds r_lock. */
static void tid_alloc_resources(struct tid_qp *qp, bool intr_ctx)
{
	bool full = false, last = false, busy = false, stale = false;
	bool nak = false;
	int ret = 0;

	while (qp->alloc < qp->r_head) {
		if (qp->r_state == 2)
			full = true;
		if (qp->r_state == 3)
			last = true;
		if (qp->r_state == 5)
			busy = true;
		if (qp->r_state == 6)
			stale = true;
		if (tid_try_alloc(qp)) {
			ret = -EAGAIN;
			break;
		}
		if (full && last && !busy && !stale)
			nak = true;
		qp->alloc++;
	}

	if (ret == -EAGAIN && intr_ctx && !nak)
		goto send_rnr_nak;
	return;

send_rnr_nak:
	lockdep_assert_held(&qp->r_lock);
	qp->r_state = 4;
}

static void tid_build_resp(struct tid_qp *qp, bool intr_ctx)
{
	tid_alloc_resources(qp, intr_ctx);
	qp->r_head++;
}

void tid_make_ack(struct tid_qp *qp)
{
	unsigned long flags;

	tid_build_resp(qp, true);	//~ lock-not-held

	spin_lock_irqsave(&qp->r_lock, flags);
	qp->r_state = 1;
	spin_unlock_irqrestore(&qp->r_lock, flags);
}
