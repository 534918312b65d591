// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of interruptible_failure_path.c: reconfiguring, like
 * setting the default, takes log_lock only where the interruptible or
 * killable acquisition of cfg_lock failed (returned non-zero), so cfg_lock
 * is not held there and the flusher's log_lock -> cfg_lock order stands
 * alone.
 */
#include <linux/mutex.h>

struct foo_ctrl {
	struct mutex cfg_lock;		/* cfg */
	struct mutex log_lock;		/* log ring */
	u32 cfg;
	unsigned int log_head;
	unsigned int interrupted;
};

void foo_ctrl_flush_log(struct foo_ctrl *foo)
{
	mutex_lock(&foo->log_lock);
	mutex_lock(&foo->cfg_lock);
	if (foo->cfg)
		foo->log_head = 0;
	mutex_unlock(&foo->cfg_lock);
	mutex_unlock(&foo->log_lock);
}

int foo_ctrl_set_default(struct foo_ctrl *foo)
{
	int ret;

	ret = mutex_lock_killable(&foo->cfg_lock);
	if (ret) {
		mutex_lock(&foo->log_lock);
		foo->interrupted++;
		mutex_unlock(&foo->log_lock);
		return ret;
	}
	foo->cfg = 0;
	mutex_unlock(&foo->cfg_lock);
	return 0;
}

int foo_ctrl_reconfigure(struct foo_ctrl *foo, u32 cfg)
{
	if (mutex_lock_interruptible(&foo->cfg_lock)) {
		mutex_lock(&foo->log_lock);
		foo->interrupted++;
		mutex_unlock(&foo->log_lock);
		return -ERESTARTSYS;
	}
	foo->cfg = cfg;
	mutex_unlock(&foo->cfg_lock);

	mutex_lock(&foo->log_lock);
	foo->log_head++;
	mutex_unlock(&foo->log_lock);
	return 0;
}
