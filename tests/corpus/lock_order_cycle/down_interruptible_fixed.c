// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of down_interruptible.c: aborting waits for busy_sem
 * before it takes state_lock, the order loading uses.
 */
#include <linux/firmware.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>

enum foo_fw_state {
	FOO_FW_IDLE,
	FOO_FW_LOADING,
};

struct foo_fw_loader {
	struct semaphore busy_sem;	/* one load at a time */
	struct mutex state_lock;	/* state */
	enum foo_fw_state state;
	size_t written;
};

static int foo_fw_write(struct foo_fw_loader *ld, const u8 *data, size_t size)
{
	ld->written = size;
	return data ? 0 : -EINVAL;
}

int foo_fw_load(struct foo_fw_loader *ld, const struct firmware *fw)
{
	int ret;

	ret = down_interruptible(&ld->busy_sem);
	if (ret)
		goto out;
	mutex_lock(&ld->state_lock);
	ld->state = FOO_FW_LOADING;
	mutex_unlock(&ld->state_lock);

	ret = foo_fw_write(ld, fw->data, fw->size);

	mutex_lock(&ld->state_lock);
	ld->state = FOO_FW_IDLE;
	mutex_unlock(&ld->state_lock);
	up(&ld->busy_sem);
out:
	return ret;
}

int foo_fw_abort(struct foo_fw_loader *ld)
{
	int ret;

	ret = down_interruptible(&ld->busy_sem);
	if (ret)
		goto out;
	mutex_lock(&ld->state_lock);
	if (ld->state != FOO_FW_LOADING) {
		ret = -EINVAL;
		goto out_unlock;
	}
	ld->state = FOO_FW_IDLE;
	ld->written = 0;
out_unlock:
	mutex_unlock(&ld->state_lock);
	up(&ld->busy_sem);
out:
	return ret;
}
