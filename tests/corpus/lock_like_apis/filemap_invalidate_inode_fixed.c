// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of filemap_invalidate_inode.c: the compaction worker
 * takes the inode lock before the invalidate_lock, the order hole
 * punching (and truncate) use.
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

	inode_lock(inode);
	filemap_invalidate_lock(inode->i_mapping);
	ret = cfs_move_blocks(inode, first, last);
	if (!ret) {
		inode->i_blocks -= (last - first + 1) << (PAGE_SHIFT - 9);
		mark_inode_dirty(inode);
	}
	filemap_invalidate_unlock(inode->i_mapping);
	inode_unlock(inode);
	return ret;
}
