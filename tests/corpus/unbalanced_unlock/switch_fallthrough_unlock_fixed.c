// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of switch_fallthrough_unlock.c: each case takes and
 * drops the lock itself, and SUSPEND still falls through into FREEZE —
 * unlocked when it does, so FREEZE's own lock/unlock pair is balanced
 * on both ways in.
 */
#include <linux/errno.h>
#include <linux/spinlock.h>

enum spm_op {
	SPM_SUSPEND,
	SPM_FREEZE,
	SPM_RESUME,
};

enum spm_state {
	SPM_ACTIVE,
	SPM_SUSPENDING,
	SPM_SUSPENDED,
};

struct spm {
	spinlock_t lock;		/* state, saved context */
	enum spm_state state;
};

void spm_save_context(struct spm *pm);
void spm_restore_context(struct spm *pm);

int spm_transition(struct spm *pm, enum spm_op op)
{
	int ret = 0;

	switch (op) {
	case SPM_SUSPEND:
		spin_lock_irq(&pm->lock);
		pm->state = SPM_SUSPENDING;
		spin_unlock_irq(&pm->lock);
		fallthrough;
	case SPM_FREEZE:
		spin_lock_irq(&pm->lock);
		spm_save_context(pm);
		pm->state = SPM_SUSPENDED;
		spin_unlock_irq(&pm->lock);
		break;
	case SPM_RESUME:
		spin_lock_irq(&pm->lock);
		spm_restore_context(pm);
		pm->state = SPM_ACTIVE;
		spin_unlock_irq(&pm->lock);
		break;
	default:
		ret = -EINVAL;
		break;
	}
	return ret;
}
