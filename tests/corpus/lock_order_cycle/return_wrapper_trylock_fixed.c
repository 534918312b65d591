// SPDX-License-Identifier: GPL-2.0
/*
 * `return __pl_preload(...)` passes on the callee's "held on success": the caller holds
 * `pl_lock` only after a zero return. Fixed: `pl_flush` takes the two in the same order.
 */
#include <linux/mutex.h>
#include <linux/slab.h>

struct pl_cpu {
	struct mutex	lock;
};

static struct pl_cpu pl_preloads;
static DEFINE_MUTEX(pl_big);

static int __pl_preload(gfp_t gfp)
{
	if (!kmalloc(8, gfp))
		return -ENOMEM;
	mutex_lock(&pl_preloads.lock);
	return 0;
}

int pl_preload(gfp_t gfp)
{
	return __pl_preload(gfp);
}

static void pl_preload_end(void)
{
	mutex_unlock(&pl_preloads.lock);
}

int pl_insert(void)
{
	mutex_lock(&pl_big);
	if (pl_preload(GFP_KERNEL))
		goto fail;
	pl_preload_end();
	mutex_unlock(&pl_big);
	return 0;
fail:
	mutex_unlock(&pl_big);
	return -ENOMEM;
}

void pl_flush(void)
{
	mutex_lock(&pl_big);
	mutex_lock(&pl_preloads.lock);
	mutex_unlock(&pl_preloads.lock);
	mutex_unlock(&pl_big);
}
