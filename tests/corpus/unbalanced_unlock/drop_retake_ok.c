// SPDX-License-Identifier: GPL-2.0
/*
 * Functions entered holding a lock, as __must_hold, __releases and
 * lockdep_assert_held() say, whose first event on it is a release:
 * - pdev_wait_idle() drops and retakes the lock around a sleep
 *   (`spin_unlock(&l); msleep(1); spin_lock(&l);`) and returns holding it;
 * - pdev_finish_unlock() releases the caller's lock (__releases);
 * - pdev_reconfig() drops the mutex for a firmware call and retakes it.
 * None of them is an unbalanced unlock or a leak, and the callers that
 * take the locks around them are balanced.
 */
#include <linux/delay.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct pdev {
	spinlock_t lock;		/* busy, done */
	struct mutex cfg_lock;		/* cfg */
	bool busy;
	unsigned int done;
	u32 cfg;
};

int pdev_fw_apply(struct pdev *pd, u32 cfg);

static void pdev_wait_idle(struct pdev *pd)
	__must_hold(&pd->lock)
{
	while (pd->busy) {
		spin_unlock(&pd->lock);
		msleep(1);
		spin_lock(&pd->lock);
	}
}

static void pdev_finish_unlock(struct pdev *pd)
	__releases(&pd->lock)
{
	pd->done++;
	spin_unlock(&pd->lock);
}

static int pdev_reconfig(struct pdev *pd, u32 cfg)
{
	int ret;

	lockdep_assert_held(&pd->cfg_lock);
	mutex_unlock(&pd->cfg_lock);
	ret = pdev_fw_apply(pd, cfg);
	mutex_lock(&pd->cfg_lock);
	if (!ret)
		pd->cfg = cfg;
	return ret;
}

void pdev_complete(struct pdev *pd)
{
	spin_lock(&pd->lock);
	pdev_wait_idle(pd);
	pdev_finish_unlock(pd);
}

int pdev_set_cfg(struct pdev *pd, u32 cfg)
{
	int ret;

	mutex_lock(&pd->cfg_lock);
	ret = pdev_reconfig(pd, cfg);
	mutex_unlock(&pd->cfg_lock);
	return ret;
}
