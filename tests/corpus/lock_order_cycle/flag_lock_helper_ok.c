// SPDX-License-Identifier: GPL-2.0
/*
 * xfs_ilock()-style helpers take and drop a lock depending on their flags. A caller that
 * drops it through the helper was not entered holding it: it took it through the other
 * helper, after releasing `xi_cfg_mutex`, so no order between the two exists here.
 */
#include <linux/mutex.h>
#include <linux/rwsem.h>

#define XI_EXCL		0x1
#define XI_SHARED	0x2

struct xi_inode {
	struct rw_semaphore	i_lock;
	unsigned long		size;
};

static DEFINE_MUTEX(xi_cfg_mutex);

void xi_ilock(struct xi_inode *ip, unsigned int flags)
{
	if (flags & XI_EXCL)
		down_write(&ip->i_lock);
	else if (flags & XI_SHARED)
		down_read(&ip->i_lock);
}

void xi_iunlock(struct xi_inode *ip, unsigned int flags)
{
	if (flags & XI_EXCL)
		up_write(&ip->i_lock);
	else if (flags & XI_SHARED)
		up_read(&ip->i_lock);
}

int xi_setsize(struct xi_inode *ip, unsigned long size)
{
	mutex_lock(&xi_cfg_mutex);
	mutex_unlock(&xi_cfg_mutex);

	xi_ilock(ip, XI_EXCL);
	ip->size = size;
	xi_iunlock(ip, XI_EXCL);
	return 0;
}

int xi_reconfigure(struct xi_inode *ip)
{
	mutex_lock(&xi_cfg_mutex);
	xi_ilock(ip, XI_EXCL);
	ip->size = 0;
	xi_iunlock(ip, XI_EXCL);
	mutex_unlock(&xi_cfg_mutex);
	return 0;
}
