/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the signal code below needs of <linux/sched.h> and
 * <linux/sched/signal.h>: `current` is a `struct task_struct *`, whose
 * sighand points to the structure holding the signal lock.
 */
#ifndef _GS_SCHED_H
#define _GS_SCHED_H

#include <linux/spinlock.h>

struct sighand_struct {
	spinlock_t siglock;
	int count;
};

struct task_struct {
	unsigned long jobctl;
	struct sighand_struct *sighand;
};

#endif /* _GS_SCHED_H */
