// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of io_uring's poll cancellation: the lookup returns the
 * request it found with the hash bucket's lock held, and hands the bucket
 * back through a pointer argument. It writes NULL there first and the
 * bucket only when it returns with the lock held, so the caller unlocks
 * under `if (bucket)`, whatever it did with the request. (The twin that
 * unlocks without the test is locked_out_pointer_unchecked.c.)
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
	if (bucket)
		spin_unlock(&bucket->lock);
	return req ? 0 : -ENOENT;
}
