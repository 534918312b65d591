// SPDX-License-Identifier: GPL-2.0
/*
 * Conditional mmap_lock acquisitions with their real polarities:
 * mmap_read_trylock() returns true when it got the lock, and the sampler
 * gives up when it did not; mmap_read_lock_killable() and
 * mmap_write_lock_killable() return 0 when they got it and -EINTR when a
 * fatal signal interrupted the wait. Every path is balanced.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>

struct ustack_sample {
	unsigned long ip;
	unsigned long vm_start;
	unsigned long vm_pgoff;
	bool file_backed;
};

int ustack_sample_vma(struct mm_struct *mm, unsigned long ip,
		      struct ustack_sample *s)
{
	struct vm_area_struct *vma;

	if (!mmap_read_trylock(mm))
		return -EAGAIN;	/* contended: drop this sample */

	vma = vma_lookup(mm, ip);
	if (!vma) {
		mmap_read_unlock(mm);
		return -ENOENT;
	}
	s->ip = ip;
	s->vm_start = vma->vm_start;
	s->vm_pgoff = vma->vm_pgoff;
	s->file_backed = vma->vm_file != NULL;
	mmap_read_unlock(mm);
	return 0;
}

int ustack_count_vmas(struct mm_struct *mm, unsigned long *count)
{
	struct vm_area_struct *vma;
	VMA_ITERATOR(vmi, mm, 0);

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	*count = 0;
	for_each_vma(vmi, vma)
		(*count)++;
	mmap_read_unlock(mm);
	return 0;
}

int ustack_seal_range(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	int ret = 0;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	vma = vma_lookup(mm, addr);
	if (vma)
		vm_flags_set(vma, VM_DONTEXPAND);
	else
		ret = -ENOMEM;
	mmap_write_unlock(mm);
	return ret;
}
