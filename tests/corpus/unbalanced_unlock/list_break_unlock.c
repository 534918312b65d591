// SPDX-License-Identifier: GPL-2.0
/*
 * A list_for_each_entry() search under the manager's mutex: the match
 * drops the mutex to notify the client and breaks out, and the unlock
 * after the loop — meant for the "not found" exit — runs on that path
 * too.
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
		mutex_unlock(&mgr->lock);
		nmgr_notify(cl, event);
		ret = 0;
		break;
	}
	mutex_unlock(&mgr->lock);	//~ unbalanced-unlock
	return ret;
}
