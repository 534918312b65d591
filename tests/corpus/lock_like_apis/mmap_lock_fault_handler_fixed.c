// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mmap_lock_fault_handler.c: the resize ioctl zaps the
 * user mappings through the file's address_space (unmap_mapping_range()
 * takes i_mmap_rwsem, not the mmap_lock), so nothing orders mmap_lock
 * under gbuf->lock and the fault handler's order is the only one.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/vmalloc.h>

struct gbuf {
	struct mutex lock;		/* vaddr, size */
	struct address_space *mapping;
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

long gbuf_ioctl_resize(struct gbuf *gb, size_t size)
{
	void *vaddr;

	vaddr = vmalloc_user(size);
	if (!vaddr)
		return -ENOMEM;

	mutex_lock(&gb->lock);
	unmap_mapping_range(gb->mapping, 0, 0, 1);
	vfree(gb->vaddr);
	gb->vaddr = vaddr;
	gb->size = size;
	mutex_unlock(&gb->lock);
	return 0;
}
