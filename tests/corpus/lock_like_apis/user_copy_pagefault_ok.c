// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of user_copy_pagefault.c whose write ioctl copies with page
 * faults disabled: a copy that would fault fails instead (the caller
 * retries outside the lock), and nothing takes the mmap_lock under
 * gbuf->lock.
 */
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

struct gbuf {
	struct mutex lock;		/* vaddr, size */
	void *vaddr;
	size_t size;
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

static long gbuf_copy_in(void *dst, const void __user *src, size_t len,
			 bool allow_pagefault)
{
	long rc;

	if (!allow_pagefault)
		pagefault_disable();
	rc = copy_from_user(dst, src, len);
	if (!allow_pagefault)
		pagefault_enable();
	return rc;
}

long gbuf_write(struct gbuf *gb, const void __user *buf, size_t len)
{
	long rc = -EINVAL;

	mutex_lock(&gb->lock);
	if (len <= gb->size)
		rc = gbuf_copy_in(gb->vaddr, buf, len, false);
	mutex_unlock(&gb->lock);
	return rc ? -EFAULT : len;
}
