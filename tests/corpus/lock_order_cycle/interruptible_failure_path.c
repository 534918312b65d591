// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_interruptible() returns 0 when it took the lock. The log
 * flusher takes foo->log_lock then foo->cfg_lock. Setting the default only
 * takes log_lock on its failure branch, where cfg_lock is not held: no
 * order. Reconfiguring takes log_lock on its success branch, holding
 * cfg_lock: the inversion.
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
	if (mutex_lock_interruptible(&foo->cfg_lock))
		return -ERESTARTSYS;
	foo->cfg = cfg;
	mutex_lock(&foo->log_lock);	//~ lock-order-cycle
	foo->log_head++;
	mutex_unlock(&foo->log_lock);
	mutex_unlock(&foo->cfg_lock);
	return 0;
}
