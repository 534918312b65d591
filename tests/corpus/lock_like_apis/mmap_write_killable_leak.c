// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_write_lock_killable() returns 0 holding the lock. The remap
 * helper handles the -EINTR case correctly, but its missing-VMA check
 * returns -EFAULT still holding the mmap_lock for writing: the next page
 * fault in the process hangs.
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
	if (!vma)
		return -EFAULT;	//~ unreleased-lock
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND);
	ret = dmx_remap_pfns(vma, pfn);
	mmap_write_unlock(mm);
	return ret;
}
