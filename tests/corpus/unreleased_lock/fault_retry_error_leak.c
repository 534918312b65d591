// SPDX-License-Identifier: GPL-2.0
/*
 * A page fault handler in the shape of an architecture's do_page_fault():
 * handle_mm_fault() drops the mmap_lock itself when it returns
 * VM_FAULT_RETRY or VM_FAULT_COMPLETED, and the handler returns or retries
 * without it. The error return below follows neither: the fault was
 * handled under the lock, which is still held.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/sched/signal.h>

int frob_do_page_fault(struct pt_regs *regs, unsigned long address,
		       unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

retry:
	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}

	fault = handle_mm_fault(vma, address, flags, regs);

	/* The core mm code has unlocked the mm for us. */
	if (fault & VM_FAULT_COMPLETED)
		return 0;

	if (fault & VM_FAULT_RETRY) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}

	if (fault & VM_FAULT_ERROR)
		return -EFAULT;		//~ unreleased-lock

	mmap_read_unlock(mm);
	return 0;
}
