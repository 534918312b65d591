// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of callee_releases_when_told_ok.c whose start routine says
 * `lock_taken = false` although it holds the callback mutex: the dump
 * routine locks it a second time, and the start routine returns with it
 * still held.
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>

struct nd_sock {
	struct mutex cb_mutex;
	bool cb_running;
	int (*dump)(struct sk_buff *skb);
};

struct sk_buff *nd_alloc_skb(struct nd_sock *nlk);
void nd_deliver(struct nd_sock *nlk, struct sk_buff *skb);

static int nd_dump(struct nd_sock *nlk, bool lock_taken)
{
	struct sk_buff *skb;
	int len;

	if (!lock_taken)
		mutex_lock(&nlk->cb_mutex);
	if (!nlk->cb_running) {
		len = -EINVAL;
		goto errout;
	}
	skb = nd_alloc_skb(nlk);
	if (!skb) {
		len = -ENOBUFS;
		goto errout;
	}
	len = nlk->dump(skb);
	if (len <= 0)
		nlk->cb_running = false;
	mutex_unlock(&nlk->cb_mutex);
	nd_deliver(nlk, skb);
	return 0;

errout:
	mutex_unlock(&nlk->cb_mutex);
	return len;
}

int nd_dump_start(struct nd_sock *nlk, int (*dump)(struct sk_buff *skb))
{
	int ret;

	mutex_lock(&nlk->cb_mutex);
	if (nlk->cb_running) {
		ret = -EBUSY;
		goto error_unlock;
	}
	nlk->dump = dump;
	nlk->cb_running = true;

	ret = nd_dump(nlk, false);	//~ double-lock
	if (ret)
		return ret;	//~ unreleased-lock
	return -EINTR;	//~ unreleased-lock

error_unlock:
	mutex_unlock(&nlk->cb_mutex);
	return ret;
}

int nd_recvmsg(struct nd_sock *nlk)
{
	if (!READ_ONCE(nlk->cb_running))
		return 0;
	return nd_dump(nlk, false);
}
