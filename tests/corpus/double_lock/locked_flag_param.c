// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of GUP's __get_user_pages_locked(): the helper is entered
 * holding mmap_lock exactly where *locked says so, takes the lock itself
 * otherwise, and a fault deeper down may drop it and clear the flag. The
 * caller here holds the lock but says it does not (locked = 0), so the
 * helper takes mmap_lock a second time. (The fixed twin is
 * locked_flag_param_ok.c.)
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>

static inline void mmap_assert_locked(const struct mm_struct *mm)
{
	rwsem_assert_held(&mm->mmap_lock);
}

static long pin_fault_one(struct mm_struct *mm, unsigned long addr,
			  int *locked)
{
	/* The fault handler dropped mmap_lock to wait for I/O. */
	if (pin_handle_fault(mm, addr) & VM_FAULT_RETRY) {
		*locked = 0;
		return 0;
	}
	return 1;
}

static long pin_pages_locked(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, int *locked)
{
	bool must_unlock = false;
	long ret, done = 0;

	if (!*locked) {
		if (mmap_read_lock_killable(mm))
			return -EAGAIN;
		must_unlock = true;
		*locked = 1;
	} else {
		mmap_assert_locked(mm);
	}

	while (nr_pages) {
		ret = pin_fault_one(mm, start, locked);
		if (!*locked) {
			/* Retry with the lock taken again. */
			if (mmap_read_lock_killable(mm))
				break;
			*locked = 1;
			must_unlock = true;
			continue;
		}
		if (ret <= 0)
			break;
		done += ret;
		nr_pages -= ret;
		start += ret << PAGE_SHIFT;
	}
	if (must_unlock && *locked) {
		mmap_read_unlock(mm);
		*locked = 0;
	}
	return done ? done : -EFAULT;
}

long pin_remote_pages(struct mm_struct *mm, unsigned long start,
		      unsigned long nr_pages)
{
	int locked = 0;
	long ret;

	mmap_read_lock(mm);
	ret = pin_pages_locked(mm, start, nr_pages, &locked);	//~ double-lock
	if (locked)
		mmap_read_unlock(mm);
	return ret;
}
