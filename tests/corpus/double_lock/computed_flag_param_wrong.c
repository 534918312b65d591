// SPDX-License-Identifier: GPL-2.0
/*
 * Destroying a classifier takes RTNL around the ops->destroy() callback
 * unless the caller already holds it or the classifier runs unlocked, the
 * way tcf_proto_destroy() does. The decision is kept in a local flag
 * computed from the rtnl_held parameter. This caller holds RTNL but
 * passes false, so the destroy path takes RTNL a second time.
 */
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#define FLT_OPS_DOIT_UNLOCKED	0x1

struct flt;

struct flt_ops {
	unsigned int flags;
	void (*destroy)(struct flt *f, bool rtnl_held);
};

struct flt {
	const struct flt_ops *ops;
	refcount_t refcnt;
};

static void flt_destroy(struct flt *f, bool rtnl_held)
{
	bool take_rtnl = !rtnl_held &&
			 !(f->ops->flags & FLT_OPS_DOIT_UNLOCKED);

	if (take_rtnl)
		rtnl_lock();
	f->ops->destroy(f, rtnl_held || take_rtnl);
	if (take_rtnl)
		rtnl_unlock();
	kfree(f);
}

static void flt_put(struct flt *f, bool rtnl_held)
{
	if (refcount_dec_and_test(&f->refcnt))
		flt_destroy(f, rtnl_held);
}

void flt_del_locked(struct flt *f)
{
	rtnl_lock();
	flt_put(f, false);	//~ double-lock
	rtnl_unlock();
}
