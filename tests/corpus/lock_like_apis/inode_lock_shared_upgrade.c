// SPDX-License-Identifier: GPL-2.0
/*
 * An rw-semaphore cannot be upgraded. The read path holds the inode lock
 * shared and, when it finds the inline data stale, calls the refresh
 * helper, which takes the same inode's lock exclusively: the writer
 * waits for the reader that is itself.
 */
#include <linux/fs.h>
#include <linux/uio.h>

struct ilfs_inode_info {
	struct inode vfs_inode;
	u64 data_gen;
	u64 disk_gen;
};

static inline struct ilfs_inode_info *ILFS_I(struct inode *inode)
{
	return container_of(inode, struct ilfs_inode_info, vfs_inode);
}

int ilfs_read_inline(struct inode *inode);
ssize_t ilfs_copy_inline(struct inode *inode, struct kiocb *iocb,
			 struct iov_iter *to);

static int ilfs_refresh_inline(struct inode *inode)
{
	int ret;

	inode_lock(inode);
	ret = ilfs_read_inline(inode);
	if (!ret)
		ILFS_I(inode)->data_gen = ILFS_I(inode)->disk_gen;
	inode_unlock(inode);
	return ret;
}

ssize_t ilfs_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock_shared(inode);
	if (ILFS_I(inode)->data_gen != ILFS_I(inode)->disk_gen) {
		ret = ilfs_refresh_inline(inode);	//~ double-lock
		if (ret)
			goto out;
	}
	ret = ilfs_copy_inline(inode, iocb, to);
out:
	inode_unlock_shared(inode);
	return ret;
}
