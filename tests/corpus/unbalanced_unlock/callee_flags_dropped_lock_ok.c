// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of khugepaged's madvise_collapse(): entered with mmap_lock
 * read-held, the loop hands `&mmap_locked` to a scan helper that may drop
 * the lock to do its work, and says so by writing false through the
 * pointer. The loop and the exit retake the lock only where the flag says
 * it is gone, so the lock is held at every assertion and at the return, as
 * the caller expects.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>

static int pcol_collapse(struct mm_struct *mm, unsigned long addr);

static int pcol_scan_pmd(struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr, bool *mmap_locked)
{
	int result = -EINVAL;

	if (!(vma->vm_flags & VM_HUGEPAGE))
		goto out;
	/* Collapsing allocates and may sleep: not under mmap_lock. */
	mmap_read_unlock(mm);
	*mmap_locked = false;
	result = pcol_collapse(mm, addr);
out:
	trace_pcol_scan(mm, addr, result);
	return result;
}

int pcol_madvise_collapse(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	bool mmap_locked = true;
	unsigned long addr;
	int result, thps = 0;

	mmap_assert_locked(mm);
	for (addr = start; addr < end; addr += PMD_SIZE) {
		if (!mmap_locked) {
			cond_resched();
			mmap_read_lock(mm);
			mmap_locked = true;
		}
		mmap_assert_locked(mm);
		result = pcol_scan_pmd(mm, vma, addr, &mmap_locked);
		if (result == 0)
			thps++;
	}
	/* The caller expects mmap_lock held on return. */
	if (!mmap_locked)
		mmap_read_lock(mm);
	mmap_assert_locked(mm);
	return thps;
}
