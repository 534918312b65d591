// SPDX-License-Identifier: GPL-2.0
/*
 * invalidate_lock nests inside i_rwsem: hole punching takes the inode
 * lock and then the mapping's invalidate_lock to keep page faults from
 * re-reading the range while it is truncated from the page cache. The
 * background compaction worker takes the invalidate_lock first, to move
 * the blocks under page-cache users, and then the inode lock to update
 * the block count: with a hole punch on the same file, each holds what
 * the other waits for.
 */
#include <linux/errno.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <linux/mm.h>

int cfs_free_blocks(struct inode *inode, loff_t start, loff_t len);
int cfs_move_blocks(struct inode *inode, pgoff_t first, pgoff_t last);

long cfs_punch_hole(struct inode *inode, loff_t offset, loff_t len)
{
	loff_t end = offset + len - 1;
	long ret;

	inode_lock(inode);
	if (offset >= i_size_read(inode)) {
		ret = 0;
		goto out;
	}
	filemap_invalidate_lock(inode->i_mapping);
	truncate_pagecache_range(inode, offset, end);
	ret = cfs_free_blocks(inode, offset, len);
	filemap_invalidate_unlock(inode->i_mapping);
out:
	inode_unlock(inode);
	return ret;
}

int cfs_compact_inode(struct inode *inode, pgoff_t first, pgoff_t last)
{
	int ret;

	filemap_invalidate_lock(inode->i_mapping);
	ret = cfs_move_blocks(inode, first, last);
	if (!ret) {
		inode_lock(inode);	//~ lock-order-cycle
		inode->i_blocks -= (last - first + 1) << (PAGE_SHIFT - 9);
		mark_inode_dirty(inode);
		inode_unlock(inode);
	}
	filemap_invalidate_unlock(inode->i_mapping);
	return ret;
}
