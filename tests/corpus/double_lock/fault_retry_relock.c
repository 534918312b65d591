// SPDX-License-Identifier: GPL-2.0
/*
 * Resolving a user fault for a driver in the shape of fixup_user_fault():
 * handle_mm_fault() drops the caller's mmap_lock when it returns
 * VM_FAULT_COMPLETED or VM_FAULT_RETRY, so those branches take it again
 * for the caller. The error branch copied that relock, but an error alone
 * leaves the lock held: it is taken twice.
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

	if (ret & VM_FAULT_RETRY) {
		mmap_read_lock(mm);
		*unlocked = true;
		fault_flags |= FAULT_FLAG_TRIED;
		goto retry;
	}

	if (ret & VM_FAULT_ERROR) {
		mmap_read_lock(mm);	//~ double-lock
		*unlocked = true;
		return vm_fault_to_errno(ret, 0);
	}
	return 0;
}
