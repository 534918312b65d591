// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of list_break_unlock.c: the match notifies under the
 * mutex and breaks, so both loop exits — break and exhaustion — reach
 * the single unlock holding the mutex.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct nmgr_client {
	struct list_head node;
	u32 id;
};

struct nmgr {
	struct mutex lock;		/* clients */
	struct list_head clients;
};

void nmgr_notify(struct nmgr_client *cl, u32 event);

int nmgr_signal(struct nmgr *mgr, u32 id, u32 event)
{
	struct nmgr_client *cl;
	int ret = -ENOENT;

	mutex_lock(&mgr->lock);
	list_for_each_entry(cl, &mgr->clients, node) {
		if (cl->id != id)
			continue;
		nmgr_notify(cl, event);
		ret = 0;
		break;
	}
	mutex_unlock(&mgr->lock);
	return ret;
}
