// SPDX-License-Identifier: GPL-2.0
/*
 * A lock helper in the style of ipc/sem.c's sem_lock(): it returns holding
 * either one slot's lock (returning the slot number) or the table's global
 * lock (returning SXT_GLOBAL), and sxt_unlock() releases the one the
 * number names. This version checks the slot after taking its lock and
 * returns -EINVAL on a bad one holding nothing on one path but still
 * holding the slot lock on the other.
 */
#include <linux/errno.h>
#include <linux/spinlock.h>

#define SXT_GLOBAL	-1

struct sxt_slot {
	spinlock_t lock;
	int value;
};

struct sxt_table {
	spinlock_t global_lock;
	bool use_global;
	int nr_slots;
	struct sxt_slot *slots;
};

static int sxt_lock(struct sxt_table *t, int idx, int nr_ops)
{
	struct sxt_slot *slot;

	if (nr_ops != 1) {
		spin_lock(&t->global_lock);
		return SXT_GLOBAL;
	}

	slot = &t->slots[idx];
	if (!READ_ONCE(t->use_global)) {
		spin_lock(&slot->lock);
		if (slot->value < 0)
			return -EINVAL;	//~ unreleased-lock
		if (!smp_load_acquire(&t->use_global))
			return idx;
		spin_unlock(&slot->lock);
		if (slot->value > 0)
			return -EINVAL;
	}
	spin_lock(&t->global_lock);
	return SXT_GLOBAL;
}

static void sxt_unlock(struct sxt_table *t, int locknum)
{
	if (locknum == SXT_GLOBAL)
		spin_unlock(&t->global_lock);
	else
		spin_unlock(&t->slots[locknum].lock);
}

int sxt_add(struct sxt_table *t, int idx, int delta)
{
	int locknum = sxt_lock(t, idx, 1);

	t->slots[idx].value += delta;
	sxt_unlock(t, locknum);
	return 0;
}
