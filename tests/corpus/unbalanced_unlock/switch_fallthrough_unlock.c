// SPDX-License-Identifier: GPL-2.0
/*
 * switch fall-through between a case that locks and one that unlocks:
 * SUSPEND takes pm->lock and falls through into FREEZE, which finishes
 * the job and unlocks. Entered directly, FREEZE releases a lock nobody
 * took.
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
		fallthrough;
	case SPM_FREEZE:
		spm_save_context(pm);
		pm->state = SPM_SUSPENDED;
		spin_unlock_irq(&pm->lock);	//~ unbalanced-unlock
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
