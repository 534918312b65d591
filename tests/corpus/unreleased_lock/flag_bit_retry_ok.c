// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of dm-crypt's crypt_alloc_buffer(): the allocation lock is
 * taken only for an allocation allowed to reclaim, and the slow retry sets
 * that gfp bit before it starts over. Setting the bit makes the test true,
 * so the retry takes the lock and the final test drops it. (The broken twin
 * is flag_bit_retry.c.)
 */
#include <linux/gfp.h>
#include <linux/mempool.h>
#include <linux/mutex.h>

struct xbuf_pool {
	struct mutex alloc_lock;
	mempool_t page_pool;
};

void *xbuf_alloc(struct xbuf_pool *xp, unsigned int nr)
{
	gfp_t gfp_mask = GFP_NOWAIT | __GFP_HIGHMEM;
	void *buf;

retry:
	if (unlikely(gfp_mask & __GFP_DIRECT_RECLAIM))
		mutex_lock(&xp->alloc_lock);

	buf = xbuf_fill(xp, nr, gfp_mask);
	if (!buf) {
		if (gfp_mask & __GFP_DIRECT_RECLAIM)
			mutex_unlock(&xp->alloc_lock);
		gfp_mask |= __GFP_DIRECT_RECLAIM;
		goto retry;
	}

	if (unlikely(gfp_mask & __GFP_DIRECT_RECLAIM))
		mutex_unlock(&xp->alloc_lock);
	return buf;
}
