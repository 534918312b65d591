/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _JCACHE_H
#define _JCACHE_H

#include <linux/list.h>
#include <linux/mutex.h>

struct jc_block {
	struct list_head dirty_node;
	sector_t sector;
	void *data;
};

struct jcache {
	struct mutex cache_lock;	/* dirty list, nr_dirty */
	struct mutex journal_lock;	/* journal head, transaction id */
	struct list_head dirty;
	unsigned int nr_dirty;
	u64 tid;
	sector_t journal_head;
};

/* jc_writeback.c */
int jc_writeback(struct jcache *jc);

/* jc_journal.c */
int jc_journal_commit(struct jcache *jc, struct jc_block *blk);

#endif /* _JCACHE_H */
