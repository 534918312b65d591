// SPDX-License-Identifier: GPL-2.0
/*
 * The IOCB_NOWAIT idiom: a non-blocking write tries the inode lock and
 * returns -EAGAIN when it is contended; a blocking one waits for it.
 * Both branches join holding the lock, and the single unlock at the end
 * is balanced. The read side does the same with the shared forms.
 */
#include <linux/fs.h>
#include <linux/uio.h>

ssize_t nwfs_do_write(struct kiocb *iocb, struct iov_iter *from);
ssize_t nwfs_do_read(struct kiocb *iocb, struct iov_iter *to);

ssize_t nwfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	if (iocb->ki_flags & IOCB_NOWAIT) {
		if (!inode_trylock(inode))
			return -EAGAIN;
	} else {
		inode_lock(inode);
	}
	ret = generic_write_checks(iocb, from);
	if (ret > 0)
		ret = nwfs_do_write(iocb, from);
	inode_unlock(inode);
	return ret;
}

ssize_t nwfs_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	if (iocb->ki_flags & IOCB_NOWAIT) {
		if (!inode_trylock_shared(inode))
			return -EAGAIN;
	} else {
		inode_lock_shared(inode);
	}
	ret = nwfs_do_read(iocb, to);
	inode_unlock_shared(inode);
	return ret;
}
