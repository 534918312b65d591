// SPDX-License-Identifier: GPL-2.0
/*
 * Flush holds cache_lock across writeback; the journal lock is taken two
 * calls further down (jc_writeback() -> jc_journal_commit()), in two other
 * files: cache_lock, then journal_lock.
 */
#include "jcache.h"

int jc_flush(struct jcache *jc)
{
	int ret;

	mutex_lock(&jc->cache_lock);
	ret = jc_writeback(jc);
	mutex_unlock(&jc->cache_lock);
	return ret;
}
