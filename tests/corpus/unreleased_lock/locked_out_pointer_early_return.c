// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of locked_out_pointer_goto_ok.c whose failed transaction start
 * returns at once instead of jumping to the label that unlocks: where the
 * helper handed back the orphan directory locked, it stays locked.
 */
#include <linux/err.h>
#include <linux/fs.h>

struct ofs_super;
struct ofs_handle;

int ofs_lookup_orphan_dir(struct ofs_super *osb, struct inode **dir);
int ofs_prepare_entry(struct inode *dir, u64 blkno, char *name);
struct ofs_handle *ofs_start_trans(struct ofs_super *osb, int credits);
void ofs_commit_trans(struct ofs_super *osb, struct ofs_handle *handle);
int ofs_delete_entry(struct ofs_handle *handle, struct inode *dir,
		     struct dentry *dentry);
int ofs_orphan_add(struct ofs_handle *handle, struct inode *inode,
		   struct inode *orphan_dir, char *name);

static int ofs_prepare_orphan_dir(struct ofs_super *osb,
				  struct inode **ret_orphan_dir, u64 blkno,
				  char *name)
{
	struct inode *orphan_dir_inode = NULL;
	int ret;

	ret = ofs_lookup_orphan_dir(osb, &orphan_dir_inode);
	if (ret < 0)
		return ret;

	inode_lock(orphan_dir_inode);
	ret = ofs_prepare_entry(orphan_dir_inode, blkno, name);
	if (ret < 0)
		goto out;

	*ret_orphan_dir = orphan_dir_inode;
out:
	if (ret) {
		inode_unlock(orphan_dir_inode);
		iput(orphan_dir_inode);
	}
	return ret;
}

int ofs_unlink(struct ofs_super *osb, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	struct inode *orphan_dir = NULL;
	struct ofs_handle *handle = NULL;
	bool is_unlinkable = false;
	char orphan_name[17];
	int status;

	if (inode->i_nlink == 1) {
		status = ofs_prepare_orphan_dir(osb, &orphan_dir,
						inode->i_ino, orphan_name);
		if (status < 0)
			goto leave;
		is_unlinkable = true;
	}

	handle = ofs_start_trans(osb, 4);
	if (IS_ERR(handle))
		return PTR_ERR(handle);	//~ unreleased-lock

	status = ofs_delete_entry(handle, dir, dentry);
	if (status < 0)
		goto leave;

	if (is_unlinkable)
		status = ofs_orphan_add(handle, inode, orphan_dir, orphan_name);

leave:
	if (handle)
		ofs_commit_trans(osb, handle);

	if (orphan_dir) {
		/* Locked for us by ofs_prepare_orphan_dir(). */
		inode_unlock(orphan_dir);
		iput(orphan_dir);
	}
	return status;
}
