// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of fault_retry_error_leak.c: the error return drops the
 * mmap_lock first. The returns after VM_FAULT_COMPLETED and the retry after
 * VM_FAULT_RETRY hold nothing: handle_mm_fault() released the lock there.
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

	if (fault_signal_pending(fault, regs))
		return -EINTR;

	/* The core mm code has unlocked the mm for us. */
	if (fault & VM_FAULT_COMPLETED)
		return 0;

	if (fault & VM_FAULT_RETRY) {
		flags |= FAULT_FLAG_TRIED;
		goto retry;
	}

	mmap_read_unlock(mm);
	if (fault & VM_FAULT_ERROR)
		return -EFAULT;
	return 0;
}
