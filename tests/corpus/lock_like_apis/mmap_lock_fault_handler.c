// SPDX-License-Identifier: GPL-2.0
/*
 * The fault shape without an explicit mmap_read_lock(): a driver's
 * vm_operations_struct .fault handler runs with the faulting mm's
 * mmap_lock held for reading (or under the per-VMA lock, which falls
 * back to the mmap_lock), and takes gbuf->lock to look the page up. The
 * resize ioctl holds gbuf->lock and reads the mmap_lock of the caller's
 * mm to zap the old user mapping: gbuf->lock -> mmap_lock, the reverse
 * of the fault path, and lockdep's classic "possible circular locking
 * dependency" with mmap_lock.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/vmalloc.h>

struct gbuf {
	struct mutex lock;		/* vaddr, size, uaddr */
	void *vaddr;
	size_t size;
	unsigned long uaddr;
};

static vm_fault_t gbuf_vm_fault(struct vm_fault *vmf)
{
	struct gbuf *gb = vmf->vma->vm_private_data;
	unsigned long off = vmf->pgoff << PAGE_SHIFT;
	vm_fault_t ret = VM_FAULT_SIGBUS;
	struct page *page;

	mutex_lock(&gb->lock);
	if (off < gb->size) {
		page = vmalloc_to_page(gb->vaddr + off);
		get_page(page);
		vmf->page = page;
		ret = 0;
	}
	mutex_unlock(&gb->lock);
	return ret;
}

static const struct vm_operations_struct gbuf_vm_ops = {
	.fault = gbuf_vm_fault,
};

long gbuf_ioctl_resize(struct gbuf *gb, struct mm_struct *mm, size_t size)
{
	struct vm_area_struct *vma;
	void *vaddr;

	vaddr = vmalloc_user(size);
	if (!vaddr)
		return -ENOMEM;

	mutex_lock(&gb->lock);
	mmap_read_lock(mm);	//~ lock-order-cycle
	vma = vma_lookup(mm, gb->uaddr);
	if (vma && vma->vm_ops == &gbuf_vm_ops)
		zap_page_range_single(vma, vma->vm_start,
				      vma->vm_end - vma->vm_start, NULL);
	mmap_read_unlock(mm);
	vfree(gb->vaddr);
	gb->vaddr = vaddr;
	gb->size = size;
	mutex_unlock(&gb->lock);
	return 0;
}
