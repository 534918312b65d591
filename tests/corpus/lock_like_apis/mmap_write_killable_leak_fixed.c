// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mmap_write_killable_leak.c: the missing-VMA error
 * drops the mmap_lock before it returns.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>

int dmx_remap_pfns(struct vm_area_struct *vma, unsigned long pfn);

int dmx_map_window(struct mm_struct *mm, unsigned long uaddr,
		   unsigned long pfn)
{
	struct vm_area_struct *vma;
	int ret;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, uaddr);
	if (!vma) {
		ret = -EFAULT;
		goto out;
	}
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND);
	ret = dmx_remap_pfns(vma, pfn);
out:
	mmap_write_unlock(mm);
	return ret;
}
