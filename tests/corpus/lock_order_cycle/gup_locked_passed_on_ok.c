// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of GUP: the core takes mmap_lock itself only where the
 * caller's `*locked` says it is not held (and then writes 1 there), and
 * asserts it held otherwise. A range helper passes its own `locked` on.
 * The driver takes mmap_lock before its own mutex, and pins pages under
 * both with `locked = 1`: the core never takes mmap_lock under the mutex,
 * so there is no inversion. Its fault-in path passes `locked = 0`
 * without holding mmap_lock, and unlocks where the core says it locked.
 * (The twin that faults in under the mutex is gup_locked_passed_on.c.)
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>

struct pdev {
	struct mutex lock;
	struct mm_struct *mm;
	unsigned long addr;
};

long pg_get_pages(struct mm_struct *mm, unsigned long start,
		  unsigned long nr, struct page **pages);

static long pg_pages_locked(struct mm_struct *mm, unsigned long start,
			    unsigned long nr, struct page **pages, int *locked)
{
	long ret;

	if (!nr)
		return 0;
	if (!*locked) {
		if (mmap_read_lock_killable(mm))
			return -EAGAIN;
		*locked = 1;
	} else {
		mmap_assert_locked(mm);
	}
	ret = pg_get_pages(mm, start, nr, pages);
	if (ret < 0) {
		mmap_read_unlock(mm);
		*locked = 0;
	}
	return ret;
}

long pg_pin_range(struct mm_struct *mm, unsigned long start,
		  unsigned long nr, struct page **pages, int *locked)
{
	return pg_pages_locked(mm, start, nr, pages, locked);
}

int pdev_pin(struct pdev *d, struct page **pages, unsigned long nr)
{
	int locked = 1;
	long ret;

	mmap_read_lock(d->mm);
	mutex_lock(&d->lock);
	ret = pg_pin_range(d->mm, d->addr, nr, pages, &locked);
	mutex_unlock(&d->lock);
	if (locked)
		mmap_read_unlock(d->mm);
	return ret < 0 ? ret : 0;
}

int pdev_fault_in(struct pdev *d, struct page **pages, unsigned long nr)
{
	int locked = 0;
	long ret;

	ret = pg_pin_range(d->mm, d->addr, nr, pages, &locked);
	if (locked)
		mmap_read_unlock(d->mm);
	mutex_lock(&d->lock);
	d->addr += nr * PAGE_SIZE;
	mutex_unlock(&d->lock);
	return ret < 0 ? ret : 0;
}
