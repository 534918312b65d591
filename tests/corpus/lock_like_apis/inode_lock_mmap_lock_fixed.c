// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of inode_lock_mmap_lock.c: the "pin mapping" helper finds
 * the file under the mmap_lock for reading, holds a reference to it, drops
 * the mmap_lock, and then takes the inode lock before it takes the mmap_lock
 * for writing: i_rwsem -> mmap_lock everywhere.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>

struct zfs_extent_req {
	unsigned long uaddr;
	size_t len;
	loff_t pos;
};

int zfs_fill_extents(struct inode *inode, struct vm_area_struct *vma,
		     struct zfs_extent_req *req);

long zfs_ioc_get_extents(struct file *file, struct zfs_extent_req *req)
{
	struct inode *inode = file_inode(file);
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	long ret;

	inode_lock(inode);
	if (req->pos >= i_size_read(inode)) {
		ret = -EINVAL;
		goto out_inode;
	}
	mmap_read_lock(mm);
	vma = vma_lookup(mm, req->uaddr);
	if (!vma || vma->vm_file == file)
		ret = -EFAULT;
	else
		ret = zfs_fill_extents(inode, vma, req);
	mmap_read_unlock(mm);
out_inode:
	inode_unlock(inode);
	return ret;
}

int zfs_pin_mapping(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct file *file = NULL;
	struct inode *inode;
	int ret = 0;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (vma && vma->vm_file)
		file = get_file(vma->vm_file);
	mmap_read_unlock(mm);
	if (!file)
		return -EINVAL;

	inode = file_inode(file);
	inode_lock(inode);
	mmap_write_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || vma->vm_file != file ||
	    vma->vm_end - vma->vm_start > i_size_read(inode))
		ret = -EINVAL;
	else
		vm_flags_set(vma, VM_LOCKED | VM_DONTEXPAND);
	mmap_write_unlock(mm);
	inode_unlock(inode);
	fput(file);
	return ret;
}
