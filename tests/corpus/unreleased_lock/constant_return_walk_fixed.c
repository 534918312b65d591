// SPDX-License-Identifier: GPL-2.0
/*
 * A page-table walk in the style of page_vma_mapped_walk(): it returns
 * true with the walk's lock held at the first present entry, and false
 * through a helper that drops the lock and always returns false. The
 * done helper unlocks only a lock the walk holds, which it knows by a
 * non-NULL pointer. The caller ends the walk on every exit.
 */
#include <linux/errno.h>
#include <linux/mm.h>

struct pwalk {
	spinlock_t *ptl;
	unsigned long addr;
	unsigned long end;
};

spinlock_t *pwalk_lockptr(struct pwalk *w);
bool pwalk_present(struct pwalk *w);
bool pwalk_stale(struct pwalk *w);

static inline void pwalk_done(struct pwalk *w)
{
	if (w->ptl)
		spin_unlock(w->ptl);
}

static inline bool pwalk_not_found(struct pwalk *w)
{
	pwalk_done(w);
	return false;
}

bool pwalk_start(struct pwalk *w)
{
	w->ptl = pwalk_lockptr(w);
	spin_lock(w->ptl);
	while (w->addr < w->end) {
		if (pwalk_present(w))
			return true;
		w->addr += PAGE_SIZE;
	}
	return pwalk_not_found(w);
}

int pwalk_count_first(struct pwalk *w)
{
	int n = 0;

	if (pwalk_start(w)) {
		if (pwalk_stale(w)) {
			pwalk_done(w);
			return -EAGAIN;
		}
		n++;
		pwalk_done(w);
	}
	return n;
}
