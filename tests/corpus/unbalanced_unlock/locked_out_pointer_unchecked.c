// SPDX-License-Identifier: GPL-2.0
/*
 * The lookup returns the request it found with the hash bucket's lock
 * held and the bucket written through a pointer argument, or NULL with
 * NULL written there and nothing held. The caller unlocks without testing
 * either: where the lookup found nothing it unlocks a lock it does not
 * hold (through a NULL bucket). (The fixed twin is locked_out_pointer_ok.c.)
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct pc_bucket {
	spinlock_t lock;
	struct hlist_head list;
};

struct pc_req {
	struct hlist_node node;
	u64 user_data;
};

struct pc_table {
	unsigned int bits;
	struct pc_bucket *hbs;
};

void pc_cancel_req(struct pc_req *req);

static struct pc_req *pc_find(struct pc_table *table, u64 data,
			      struct pc_bucket **out_bucket)
{
	struct pc_bucket *hb = &table->hbs[hash_64(data, table->bits)];
	struct pc_req *req;

	*out_bucket = NULL;

	spin_lock(&hb->lock);
	hlist_for_each_entry(req, &hb->list, node) {
		if (req->user_data != data)
			continue;
		*out_bucket = hb;
		return req;
	}
	spin_unlock(&hb->lock);
	return NULL;
}

int pc_cancel(struct pc_table *table, u64 data)
{
	struct pc_bucket *bucket;
	struct pc_req *req;

	req = pc_find(table, data, &bucket);
	if (req)
		pc_cancel_req(req);
	spin_unlock(&bucket->lock);	//~ unbalanced-unlock
	return req ? 0 : -ENOENT;
}
