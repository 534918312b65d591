/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UGD_H
#define _UGD_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct ugd_req {
	struct list_head node;
	int status;
	void (*complete)(struct ugd_req *req);
};

struct ugd {
	spinlock_t ep_lock;		/* endpoint queues */
	spinlock_t ctrl_lock;		/* control state, ack_pending */
	struct list_head ep_queue;
	unsigned int ctrl_state;
	bool ack_pending;
	void __iomem *regs;
};

/* ugd_req.c */
void ugd_flush_queue(struct ugd *g, int status);

/* ugd_done.c */
void ugd_giveback(struct ugd *g, struct ugd_req *req, int status);

/* ugd_ctrl.c */
void ugd_ctrl_ack(struct ugd *g);

#endif /* _UGD_H */
