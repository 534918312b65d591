// SPDX-License-Identifier: GPL-2.0
/*
 * Trylock wrapper macros: used as a condition, the lock is held only where
 * the wrapper succeeded; a wrapper that spins on a trylock until it gets
 * the lock is an acquisition. Both functions are balanced.
 */
#include <linux/spinlock.h>
#include <linux/xarray.h>

struct shadow_map {
	struct xarray pages;
	unsigned long nr;
};

#define shmap_trylock(xa)	spin_trylock(&(xa)->xa_lock)
#define shmap_unlock(xa)	spin_unlock(&(xa)->xa_lock)

#define ring_spin_lock(l)			\
	do {					\
		while (spin_trylock(l) == 0)	\
			cpu_relax();		\
	} while (0)

struct ring {
	spinlock_t lock;
	unsigned int head;
};

int shmap_shrink(struct shadow_map *m)
{
	if (!shmap_trylock(&m->pages))
		return -EAGAIN;
	m->nr--;
	shmap_unlock(&m->pages);
	return 0;
}

void ring_advance(struct ring *r)
{
	ring_spin_lock(&r->lock);
	r->head++;
	spin_unlock(&r->lock);
}
