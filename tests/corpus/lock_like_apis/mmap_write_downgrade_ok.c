// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_write_downgrade() turns the write hold into a read hold without
 * dropping it: the VMA flags are changed exclusively, the (long) populate
 * runs with the lock only read-held, and the read unlock releases it.
 * Neither the downgrade nor the read unlock after a write lock is an
 * unbalanced unlock, and nothing leaks.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>

int xmlock_populate(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);

int xmlock_range(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma;
	unsigned long end = start + len;
	int ret;

	mmap_write_lock(mm);
	vma = vma_lookup(mm, start);
	if (!vma || end > vma->vm_end) {
		mmap_write_unlock(mm);
		return -ENOMEM;
	}
	vm_flags_set(vma, VM_LOCKED);
	mmap_write_downgrade(mm);

	ret = xmlock_populate(vma, start, end);
	mmap_read_unlock(mm);
	return ret;
}
