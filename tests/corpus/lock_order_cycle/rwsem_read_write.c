// SPDX-License-Identifier: GPL-2.0
/*
 * A filesystem with two rw-semaphores: block mapping reads the extent tree
 * and then writes the journal; a journal commit holds the journal for
 * writing and then reads the extent tree. rw-semaphore readers never nest:
 * once foo_truncate() waits to write the extent tree, the commit's
 * down_read() queues behind it, and all three sleep forever.
 */
#include <linux/fs.h>
#include <linux/rwsem.h>

struct foo_fs_info {
	struct rw_semaphore extent_sem;		/* extent tree */
	struct rw_semaphore journal_sem;	/* running transaction */
	u64 next_block;
	u64 journal_seq;
	u64 committed_seq;
	u64 size_blocks;
};

int foo_map_blocks(struct foo_fs_info *fsi, u64 lblk, u64 *pblk)
{
	int ret = 0;

	down_read(&fsi->extent_sem);
	if (lblk >= fsi->size_blocks) {
		ret = -ENOSPC;
		goto out;
	}
	down_write(&fsi->journal_sem);
	*pblk = fsi->next_block + lblk;
	fsi->journal_seq++;
	up_write(&fsi->journal_sem);
out:
	up_read(&fsi->extent_sem);
	return ret;
}

void foo_truncate(struct foo_fs_info *fsi, u64 blocks)
{
	down_write(&fsi->extent_sem);
	fsi->size_blocks = blocks;
	up_write(&fsi->extent_sem);
}

void foo_journal_commit(struct foo_fs_info *fsi)
{
	u64 size;

	down_write(&fsi->journal_sem);
	down_read(&fsi->extent_sem);	//~ lock-order-cycle
	size = fsi->size_blocks;
	up_read(&fsi->extent_sem);
	if (size)
		fsi->committed_seq = fsi->journal_seq;
	up_write(&fsi->journal_sem);
}
