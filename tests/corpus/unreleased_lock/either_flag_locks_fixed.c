// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of either_flag_locks.c: the poll failure leaves through
 * the unlock. The lock is taken and released under the same `a || b`,
 * tested twice; the two paths that take it (through `a`, through `b`)
 * must both be remembered, or the one where only `b` was set looks like
 * it skips the unlock.
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
	int ret = 0;

	if (dopoll || dopoll_full)
		cpus_read_lock();
	if (dopoll)
		cookie = ops->get_state();
	if (dopoll_full)
		cookie |= 1;
	ops->sync();
	if (dopoll && !ops->poll_state(cookie))
		ret = -EAGAIN;
	if (dopoll || dopoll_full)
		cpus_read_unlock();
	return ret;
}
