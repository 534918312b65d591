// SPDX-License-Identifier: GPL-2.0
/*
 * Two inodes locked in address order, the second with a lockdep subclass:
 * one class, nested on purpose. The accessor's return type makes both
 * expressions `struct baz_inode_info::i_data_sem`, so there is no cycle.
 */
#include <linux/fs.h>

struct baz_inode_info {
	struct rw_semaphore i_data_sem;
	struct inode vfs_inode;
};

static inline struct baz_inode_info *BAZ_I(struct inode *inode)
{
	return container_of(inode, struct baz_inode_info, vfs_inode);
}

void baz_double_down_write(struct inode *first, struct inode *second)
{
	if (first < second) {
		down_write(&BAZ_I(first)->i_data_sem);
		down_write_nested(&BAZ_I(second)->i_data_sem, SINGLE_DEPTH_NESTING);
	} else {
		down_write(&BAZ_I(second)->i_data_sem);
		down_write_nested(&BAZ_I(first)->i_data_sem, SINGLE_DEPTH_NESTING);
	}
}
