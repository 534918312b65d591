// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: replay takes cache_lock before journal_lock, the order the
 * flush path uses through writeback.
 */
#include "jcache.h"

int jc_write_record(struct jcache *jc, sector_t at, struct jc_block *blk);
struct jc_block *jc_read_record(struct jcache *jc, sector_t at);

int jc_journal_commit(struct jcache *jc, struct jc_block *blk)
{
	int ret;

	mutex_lock(&jc->journal_lock);
	ret = jc_write_record(jc, jc->journal_head, blk);
	if (!ret) {
		jc->journal_head++;
		jc->tid++;
	}
	mutex_unlock(&jc->journal_lock);
	return ret;
}

void jc_journal_replay(struct jcache *jc, sector_t start)
{
	struct jc_block *blk;
	sector_t at;

	mutex_lock(&jc->cache_lock);
	mutex_lock(&jc->journal_lock);
	for (at = start; at < jc->journal_head; at++) {
		blk = jc_read_record(jc, at);
		if (!blk)
			break;
		list_add_tail(&blk->dirty_node, &jc->dirty);
		jc->nr_dirty++;
	}
	mutex_unlock(&jc->journal_lock);
	mutex_unlock(&jc->cache_lock);
}
