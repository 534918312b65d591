// SPDX-License-Identifier: GPL-2.0
/*
 * i_rwsem nests outside mmap_lock: write() faults the user buffer in while
 * it holds the inode lock, and this filesystem's extent ioctl does the
 * same explicitly, looking up the user's VMA under inode_lock(). The
 * "pin mapping" helper holds the mm's mmap_lock for writing and then
 * takes the inode lock of the file behind the VMA to freeze its size:
 * mmap_lock -> i_rwsem, the reverse.
 */
#include <linux/errno.h>
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
	struct inode *inode;
	int ret = 0;

	mmap_write_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || !vma->vm_file) {
		ret = -EINVAL;
		goto out;
	}
	inode = file_inode(vma->vm_file);
	inode_lock(inode);	//~ lock-order-cycle
	if (vma->vm_end - vma->vm_start > i_size_read(inode))
		ret = -EINVAL;
	else
		vm_flags_set(vma, VM_LOCKED | VM_DONTEXPAND);
	inode_unlock(inode);
out:
	mmap_write_unlock(mm);
	return ret;
}
