// SPDX-License-Identifier: GPL-2.0
/*
 * Wound/wait mutexes taken with an acquire context back off with -EDEADLK
 * instead of deadlocking, so opposite orders are the point of the API.
 */
#include <linux/ww_mutex.h>

static DEFINE_WW_CLASS(quux_ww_class);

struct quux_buf {
	struct ww_mutex resv;
};

static int quux_lock_pair(struct quux_buf *a, struct quux_buf *b, struct ww_acquire_ctx *ctx)
{
	int ret;

	ret = ww_mutex_lock(&a->resv, ctx);
	if (ret)
		return ret;
	ret = ww_mutex_lock(&b->resv, ctx);
	if (ret) {
		ww_mutex_unlock(&a->resv);
		return ret;
	}
	return 0;
}

struct quux_pair {
	struct ww_mutex first;
	struct ww_mutex second;
};

static void quux_forward(struct quux_pair *p, struct ww_acquire_ctx *ctx)
{
	if (ww_mutex_lock(&p->first, ctx))
		return;
	if (!ww_mutex_lock(&p->second, ctx))
		ww_mutex_unlock(&p->second);
	ww_mutex_unlock(&p->first);
}

static void quux_backward(struct quux_pair *p, struct ww_acquire_ctx *ctx)
{
	if (ww_mutex_lock(&p->second, ctx))
		return;
	if (!ww_mutex_lock(&p->first, ctx))
		ww_mutex_unlock(&p->first);
	ww_mutex_unlock(&p->second);
}
