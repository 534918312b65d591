// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of gup_locked_passed_on_ok.c whose fault-in path passes
 * `locked = 0` while it holds the driver's mutex: the core, reached
 * through the range helper that passes `locked` on, takes mmap_lock under
 * the mutex, while the pin path takes the mutex under mmap_lock.
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

	mutex_lock(&d->lock);
	ret = pg_pin_range(d->mm, d->addr, nr, pages, &locked);	//~ lock-order-cycle
	if (locked)
		mmap_read_unlock(d->mm);
	mutex_unlock(&d->lock);
	return ret < 0 ? ret : 0;
}
