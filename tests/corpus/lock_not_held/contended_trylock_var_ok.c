// SPDX-License-Identifier: GPL-2.0
/*
 * A stats flush that records whether it had to wait for the lock:
 * contended is true exactly where the trylock failed, and only then is
 * the lock taken again, blocking. Either way the lock is held after the
 * test, and the caller holds it until the paired release.
 */
#include <linux/spinlock.h>
#include <linux/lockdep.h>

static DEFINE_SPINLOCK(stx_lock);
static unsigned long stx_contended;
static unsigned long stx_total;

static void stx_flush_locked(void)
{
	lockdep_assert_held(&stx_lock);
	stx_total++;
}

static inline void stx_lock_acquire(void)
	__acquires(&stx_lock)
{
	bool contended;

	contended = !spin_trylock_irq(&stx_lock);
	if (contended) {
		stx_contended++;
		spin_lock_irq(&stx_lock);
	}
}

void stx_flush_hold(void)
	__acquires(&stx_lock)
{
	stx_lock_acquire();
	stx_flush_locked();
}

void stx_flush_release(void)
	__releases(&stx_lock)
{
	spin_unlock_irq(&stx_lock);
}

unsigned long stx_read_total(void)
{
	unsigned long total;

	stx_flush_hold();
	total = stx_total;
	stx_flush_release();
	return total;
}
