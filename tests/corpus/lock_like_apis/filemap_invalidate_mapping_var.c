// SPDX-License-Identifier: GPL-2.0
/*
 * The invalidate_lock reached through two spellings: fallocate's collapse
 * locks filemap_invalidate_lock(inode->i_mapping), the readahead-style
 * prefill locks the `struct address_space *mapping` it was handed. Collapse
 * takes the inode lock, then the invalidate_lock; the prefill holds the
 * invalidate_lock shared and takes the host inode's lock to extend i_size:
 * i_rwsem -> invalidate_lock -> i_rwsem.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>

int clfs_shift_extents(struct inode *inode, loff_t offset, loff_t len);
int clfs_prefill_pages(struct address_space *mapping, pgoff_t index,
		       unsigned long nr, loff_t *new_size);

long clfs_collapse_range(struct inode *inode, loff_t offset, loff_t len)
{
	long ret;

	inode_lock(inode);
	filemap_invalidate_lock(inode->i_mapping);
	truncate_pagecache(inode, offset);
	ret = clfs_shift_extents(inode, offset, len);
	if (!ret)
		i_size_write(inode, i_size_read(inode) - len);
	filemap_invalidate_unlock(inode->i_mapping);
	inode_unlock(inode);
	return ret;
}

int clfs_prefill(struct address_space *mapping, pgoff_t index,
		 unsigned long nr)
{
	struct inode *inode = mapping->host;
	loff_t new_size = 0;
	int ret;

	filemap_invalidate_lock_shared(mapping);
	ret = clfs_prefill_pages(mapping, index, nr, &new_size);
	if (!ret && new_size > i_size_read(inode)) {
		inode_lock(inode);	//~ lock-order-cycle
		i_size_write(inode, new_size);
		inode_unlock(inode);
	}
	filemap_invalidate_unlock_shared(mapping);
	return ret;
}
