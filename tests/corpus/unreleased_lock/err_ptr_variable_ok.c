// SPDX-License-Identifier: GPL-2.0
/*
 * A lookup that returns the new dentry with its parent's inode locked,
 * or an ERR_PTR with it unlocked, like debugfs' start_creating(). The
 * error pointer is stored in the variable first (`dentry =
 * ERR_PTR(-EEXIST)`) and then tested with IS_ERR(): on that path the
 * test is true, so the unlock runs. Reading the stored ERR_PTR as a
 * non-failure would make the function leak the lock on -EEXIST.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>

struct dentry *cfgfs_lookup(const char *name, struct dentry *parent);

static struct dentry *cfgfs_start_creating(const char *name,
					   struct dentry *parent)
{
	struct dentry *dentry;

	inode_lock(d_inode(parent));
	dentry = cfgfs_lookup(name, parent);
	if (!IS_ERR(dentry) && d_really_is_positive(dentry)) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
	}

	if (IS_ERR(dentry))
		inode_unlock(d_inode(parent));

	return dentry;
}

struct dentry *cfgfs_create_file(const char *name, struct dentry *parent)
{
	struct dentry *dentry = cfgfs_start_creating(name, parent);

	if (IS_ERR(dentry))
		return dentry;
	inode_unlock(d_inode(parent));
	return dentry;
}
