// SPDX-License-Identifier: GPL-2.0
/*
 * A capture driver that maps its frame buffers into user space. The
 * prefault helper runs like a page fault: it holds the mm's mmap_lock for
 * reading while it looks the VMA up, and takes buf->lock to insert the
 * frame's pages. The QBUF ioctl holds buf->lock and then reads the
 * mmap_lock to check that the user's address is one of its mappings.
 * Both take mmap_lock only for reading, but a writer (an mmap() or
 * munmap() in another thread) queued between them blocks the ioctl's
 * reader: buf->lock -> mmap_lock -> buf->lock.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/sched.h>

#define CAPX_NR_PAGES	64

struct capx_buf {
	struct mutex lock;		/* pages, queued */
	unsigned long pfns[CAPX_NR_PAGES];
	unsigned long uaddr;
	bool queued;
};

extern const struct vm_operations_struct capx_vm_ops;

int capx_prefault(struct capx_buf *buf, struct mm_struct *mm,
		  unsigned long addr)
{
	struct vm_area_struct *vma;
	unsigned long off;
	int ret = 0;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma || vma->vm_ops != &capx_vm_ops) {
		ret = -EFAULT;
		goto out;
	}
	mutex_lock(&buf->lock);
	for (off = 0; off < vma->vm_end - vma->vm_start; off += PAGE_SIZE) {
		if (vmf_insert_pfn(vma, vma->vm_start + off,
				   buf->pfns[off >> PAGE_SHIFT]) != VM_FAULT_NOPAGE) {
			ret = -EFAULT;
			break;
		}
	}
	mutex_unlock(&buf->lock);
out:
	mmap_read_unlock(mm);
	return ret;
}

long capx_ioctl_qbuf(struct capx_buf *buf, unsigned long uaddr)
{
	struct vm_area_struct *vma;
	long ret = 0;

	mutex_lock(&buf->lock);
	if (buf->queued) {
		ret = -EBUSY;
		goto out;
	}
	mmap_read_lock(current->mm);	//~ lock-order-cycle
	vma = vma_lookup(current->mm, uaddr);
	if (!vma || vma->vm_ops != &capx_vm_ops)
		ret = -EINVAL;
	mmap_read_unlock(current->mm);
	if (!ret) {
		buf->uaddr = uaddr;
		buf->queued = true;
	}
out:
	mutex_unlock(&buf->lock);
	return ret;
}
