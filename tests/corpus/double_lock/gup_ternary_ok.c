// SPDX-License-Identifier: GPL-2.0
/*
 * A pinning helper in the style of get_user_pages_remote(): callers that
 * hold mmap_lock and do not care whether it is dropped pass a NULL
 * locked pointer, and the helper then hands the core a local flag saying
 * the lock is held. The core takes the lock only where *locked says it is
 * not held, so a NULL locked never takes it again.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>

/* May drop mmap_lock to wait for I/O, saying so through *locked. */
static long pin_walk(struct mm_struct *mm, unsigned long start,
		     unsigned long nr_pages, struct page **pages, int *locked)
{
	long ret = pin_walk_fast(mm, start, nr_pages, pages);

	if (ret == -EAGAIN) {
		mmap_read_unlock(mm);
		*locked = 0;
		return 0;
	}
	return ret;
}

static long pin_core_locked(struct mm_struct *mm, unsigned long start,
			    unsigned long nr_pages, struct page **pages,
			    int *locked)
{
	bool must_unlock = false;
	long ret;

	if (!*locked) {
		if (mmap_read_lock_killable(mm))
			return -EAGAIN;
		must_unlock = true;
		*locked = 1;
	} else {
		lockdep_assert_held(&mm->mmap_lock);
	}

	ret = pin_walk(mm, start, nr_pages, pages, locked);
	if (!*locked) {
		/* Dropped while waiting: take it again and retry once. */
		if (mmap_read_lock_killable(mm))
			return -EINTR;
		*locked = 1;
		must_unlock = true;
		ret = pin_walk(mm, start, nr_pages, pages, locked);
	}

	if (must_unlock && *locked) {
		mmap_read_unlock(mm);
		*locked = 0;
	}
	return ret;
}

long pin_user_range_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, struct page **pages,
			   int *locked)
{
	int local_locked = 1;

	return pin_core_locked(mm, start, nr_pages, pages,
			       locked ? locked : &local_locked);
}

int pin_one_page_locked(struct mm_struct *mm, unsigned long addr,
			struct page **page)
{
	long ret;

	mmap_read_lock(mm);
	ret = pin_user_range_remote(mm, addr, 1, page, NULL);
	mmap_read_unlock(mm);
	return ret == 1 ? 0 : -EFAULT;
}
