// SPDX-License-Identifier: GPL-2.0
/*
 * Locks reached through an accessor function and through container_of():
 * both name `struct bar_inode_info`, so the two functions below take the
 * same two classes in opposite orders.
 */
#include <linux/fs.h>
#include <linux/workqueue.h>

struct bar_inode_info {
	struct rw_semaphore i_data_sem;
	struct mutex i_mmap_lock;
	struct work_struct flush_work;
	struct inode vfs_inode;
};

static inline struct bar_inode_info *BAR_I(struct inode *inode)
{
	return container_of(inode, struct bar_inode_info, vfs_inode);
}

static void bar_truncate(struct inode *inode)
{
	down_write(&BAR_I(inode)->i_data_sem);
	mutex_lock(&BAR_I(inode)->i_mmap_lock);
	/* drop the mapping and the extents */
	mutex_unlock(&BAR_I(inode)->i_mmap_lock);
	up_write(&BAR_I(inode)->i_data_sem);
}

static void bar_flush_worker(struct work_struct *work)
{
	struct bar_inode_info *bi = container_of(work, struct bar_inode_info, flush_work);

	mutex_lock(&bi->i_mmap_lock);
	down_write(&container_of(work, struct bar_inode_info, flush_work)->i_data_sem);	//~ lock-order-cycle
	up_write(&bi->i_data_sem);
	mutex_unlock(&bi->i_mmap_lock);
}
