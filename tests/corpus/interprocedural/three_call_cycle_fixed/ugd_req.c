// SPDX-License-Identifier: GPL-2.0
/*
 * Queue flushing: every request is given back with the status. No lock
 * here; callers hold ep_lock.
 */
#include "ugd.h"

void ugd_flush_queue(struct ugd *g, int status)
{
	struct ugd_req *req;

	while (!list_empty(&g->ep_queue)) {
		req = list_first_entry(&g->ep_queue, struct ugd_req, node);
		list_del_init(&req->node);
		ugd_giveback(g, req, status);
	}
}
