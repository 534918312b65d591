// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of fault_retry_relock.c: only the branches where
 * handle_mm_fault() dropped the caller's mmap_lock (VM_FAULT_COMPLETED,
 * VM_FAULT_RETRY) take it again.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>

int frob_fixup_fault(struct mm_struct *mm, unsigned long address,
		     unsigned int fault_flags, bool *unlocked)
{
	struct vm_area_struct *vma;
	vm_fault_t ret;

	mmap_assert_locked(mm);
retry:
	vma = vma_lookup(mm, address);
	if (!vma)
		return -EFAULT;

	ret = handle_mm_fault(vma, address, fault_flags, NULL);

	if (ret & VM_FAULT_COMPLETED) {
		mmap_read_lock(mm);
		*unlocked = true;
		return 0;
	}

	if (ret & VM_FAULT_ERROR)
		return vm_fault_to_errno(ret, 0);

	if (ret & VM_FAULT_RETRY) {
		mmap_read_lock(mm);
		*unlocked = true;
		fault_flags |= FAULT_FLAG_TRIED;
		goto retry;
	}
	return 0;
}
