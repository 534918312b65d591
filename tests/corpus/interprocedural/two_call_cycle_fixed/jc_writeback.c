// SPDX-License-Identifier: GPL-2.0
/*
 * Writeback walks the dirty list and journals every block. It takes no
 * lock itself; its callers hold cache_lock.
 */
#include "jcache.h"

int jc_writeback(struct jcache *jc)
{
	struct jc_block *blk, *tmp;
	int ret;

	list_for_each_entry_safe(blk, tmp, &jc->dirty, dirty_node) {
		ret = jc_journal_commit(jc, blk);
		if (ret)
			return ret;
		list_del_init(&blk->dirty_node);
		jc->nr_dirty--;
	}
	return 0;
}
