// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of inode_lock_file_inode_arg.c: the quota sync takes the
 * quota file's inode lock before the quota mutex, the order the project
 * ioctl uses.
 */
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

struct pqfs_sb_info {
	struct mutex quota_lock;	/* usage table, dirty */
	struct inode *quota_inode;
	bool quota_dirty;
};

int pqfs_charge_project(struct pqfs_sb_info *sbi, struct inode *inode,
			u32 projid);
int pqfs_write_quota_file(struct pqfs_sb_info *sbi, struct inode *qinode);

long pqfs_ioc_set_project(struct file *filp, u32 __user *argp)
{
	struct pqfs_sb_info *sbi = file_inode(filp)->i_sb->s_fs_info;
	u32 projid;
	long ret;

	if (get_user(projid, argp))
		return -EFAULT;

	inode_lock(file_inode(filp));
	mutex_lock(&sbi->quota_lock);
	ret = pqfs_charge_project(sbi, file_inode(filp), projid);
	if (!ret)
		sbi->quota_dirty = true;
	mutex_unlock(&sbi->quota_lock);
	inode_unlock(file_inode(filp));
	return ret;
}

int pqfs_sync_quota(struct pqfs_sb_info *sbi)
{
	struct inode *qinode = sbi->quota_inode;
	int ret = 0;

	inode_lock(qinode);
	mutex_lock(&sbi->quota_lock);
	if (sbi->quota_dirty) {
		ret = pqfs_write_quota_file(sbi, qinode);
		if (!ret)
			sbi->quota_dirty = false;
	}
	mutex_unlock(&sbi->quota_lock);
	inode_unlock(qinode);
	return ret;
}
