// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of netlink's dump start: the dump routine takes the
 * socket's callback mutex itself unless its caller says it already holds
 * it (`lock_taken`), and releases it on every path either way. The start
 * routine locks the mutex, sets the dump up, and hands the mutex over with
 * `lock_taken = true`; its error paths unlock it themselves. (The twin that
 * passes false while holding the mutex is callee_releases_when_told.c.)
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

	ret = nd_dump(nlk, true);
	if (ret)
		return ret;
	return -EINTR;

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
