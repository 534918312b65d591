// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of filemap_invalidate_mapping_var.c: the prefill records
 * the new size under the invalidate_lock and extends i_size after dropping
 * it, so the inode lock is never taken inside the invalidate_lock.
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
	filemap_invalidate_unlock_shared(mapping);
	if (!ret && new_size > i_size_read(inode)) {
		inode_lock(inode);
		if (new_size > i_size_read(inode))
			i_size_write(inode, new_size);
		inode_unlock(inode);
	}
	return ret;
}
