// SPDX-License-Identifier: GPL-2.0
/*
 * A lock taken when either of two flags is set, `if (a || b) lock; ...
 * if (a || b) unlock;`: the paths through `a` and through `b` hold the
 * same lock with different facts, and only together do they say the
 * unlock runs. The bug is the early return on the poll failure, taken
 * with the hotplug lock held whenever either flag was set.
 */
#include <linux/cpu.h>
#include <linux/errno.h>
#include <linux/types.h>

struct gp_ops {
	unsigned long (*get_state)(void);
	bool (*poll_state)(unsigned long cookie);
	void (*sync)(void);
};

int gp_poll_sync(const struct gp_ops *ops, bool dopoll, bool dopoll_full)
{
	unsigned long cookie = 0;

	if (dopoll || dopoll_full)
		cpus_read_lock();
	if (dopoll)
		cookie = ops->get_state();
	if (dopoll_full)
		cookie |= 1;
	ops->sync();
	if (dopoll && !ops->poll_state(cookie))
		return -EAGAIN;	//~ unreleased-lock
	if (dopoll || dopoll_full)
		cpus_read_unlock();
	return 0;
}
