// SPDX-License-Identifier: GPL-2.0
/*
 * Signal delivery in the style of kernel/signal.c: get_signal names the
 * signal lock through a local `sighand = current->sighand`, its helpers
 * through `current->sighand` itself. Both are the one lock: the freezer
 * trap drops it before it sleeps, and the loop takes it again.
 * (The twin whose trap keeps the lock is current_siglock.)
 */
#include <linux/sched.h>
#include "sched.h"

#define GS_TRAP_FREEZE	0x1

static void gs_freezer_trap(void)
	__releases(&current->sighand->siglock)
{
	current->jobctl &= ~GS_TRAP_FREEZE;
	spin_unlock_irq(&current->sighand->siglock);
	schedule();
}

static void gs_recalc_jobctl(void)
{
	spin_lock_irq(&current->sighand->siglock);
	current->jobctl = 0;
	spin_unlock_irq(&current->sighand->siglock);
}

int gs_get_signal(int *pending)
{
	struct sighand_struct *sighand = current->sighand;
	int signr;

	gs_recalc_jobctl();
relock:
	spin_lock_irq(&sighand->siglock);
	if (current->jobctl & GS_TRAP_FREEZE) {
		gs_freezer_trap();
		goto relock;
	}
	signr = *pending;
	*pending = 0;
	spin_unlock_irq(&sighand->siglock);
	return signr;
}
