// SPDX-License-Identifier: GPL-2.0
/*
 * Directory then child, two instances of the inode lock class, annotated
 * the way the VFS does it: the parent with inode_lock_nested(dir,
 * I_MUTEX_PARENT) (or plain inode_lock()), the child with
 * inode_lock_nested(inode, I_MUTEX_CHILD). A function that locks only the
 * child, and one that locks only the parent, sit beside them. No double
 * lock and no lock-order cycle of the class with itself.
 */
#include <linux/fs.h>
#include <linux/namei.h>

struct cfgfs_attr_state {
	umode_t mode;
	bool hidden;
};

int cfgfs_set_child_mode(struct inode *dir, struct inode *inode,
			 umode_t mode)
{
	inode_lock_nested(dir, I_MUTEX_PARENT);
	inode_lock_nested(inode, I_MUTEX_CHILD);
	inode->i_mode = (inode->i_mode & S_IFMT) | mode;
	inode_set_ctime_current(inode);
	inode_set_mtime_to_ts(dir, inode_set_ctime_current(dir));
	inode_unlock(inode);
	inode_unlock(dir);
	return 0;
}

void cfgfs_hide_child(struct inode *dir, struct inode *inode,
		      struct cfgfs_attr_state *st)
{
	inode_lock(dir);
	inode_lock_nested(inode, I_MUTEX_CHILD);
	st->hidden = true;
	clear_nlink(inode);
	inode_unlock(inode);
	inode_unlock(dir);
}

void cfgfs_touch(struct inode *inode)
{
	inode_lock(inode);
	inode_set_mtime_to_ts(inode, inode_set_ctime_current(inode));
	inode_unlock(inode);
}

loff_t cfgfs_dir_size(struct inode *dir)
{
	loff_t size;

	inode_lock_shared(dir);
	size = i_size_read(dir);
	inode_unlock_shared(dir);
	return size;
}
