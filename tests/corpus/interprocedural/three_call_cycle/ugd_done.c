// SPDX-License-Identifier: GPL-2.0
/*
 * Giveback: a control request that completes acknowledges the status
 * stage. No lock here either.
 */
#include "ugd.h"

void ugd_giveback(struct ugd *g, struct ugd_req *req, int status)
{
	req->status = status;
	if (g->ack_pending)
		ugd_ctrl_ack(g);
	if (req->complete)
		req->complete(req);
}
