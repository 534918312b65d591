// SPDX-License-Identifier: GPL-2.0
/*
 * A netlink dump in the style of drbd_adm_dump_connections(): it resumes
 * at the resource the previous call stopped at, or picks the first one.
 * It locks the resource's configuration mutex through the pointer, and
 * the common exit drops it under `if (res)`: a path that took the lock
 * dereferenced res, so res is not NULL there.
 */
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netlink.h>

struct nres {
	struct mutex conf_update;
	struct list_head list;
	struct list_head conns;
};

extern struct list_head nres_list;

int nres_conn_to_skb(struct sk_buff *skb, struct list_head *conns);

int nres_dump_conns(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nres *res = (struct nres *)cb->args[0];
	int err = 0;

	if (!res) {
		if (list_empty(&nres_list))
			goto out;
		res = list_first_entry(&nres_list, struct nres, list);
		cb->args[0] = (long)res;
	}
	mutex_lock(&res->conf_update);
	err = nres_conn_to_skb(skb, &res->conns);
	if (err)
		goto out;
	err = skb->len;
out:
	if (res)
		mutex_unlock(&res->conf_update);
	return err;
}
