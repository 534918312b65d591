// SPDX-License-Identifier: GPL-2.0
/*
 * fdev_reload() releases state_lock that an ops callback the analysis
 * cannot follow took, so it looks entered holding it; fdev_resume() does
 * call it holding state_lock, and the firmware lock it takes then orders
 * after state_lock, against fdev_set_state()'s fw_lock -> state_lock.
 */
#include <linux/mutex.h>

struct fdev;

struct fdev_ops {
	void (*claim)(struct fdev *fd);
};

struct fdev {
	struct mutex fw_lock;		/* firmware image */
	struct mutex state_lock;	/* state */
	const struct fdev_ops *ops;
	int state;
	void *fw;
};

void fdev_load_fw(struct fdev *fd);

/* Reloads the firmware, then claims the device: ->claim() takes state_lock. */
static void fdev_reload(struct fdev *fd)
{
	mutex_lock(&fd->fw_lock);
	fdev_load_fw(fd);
	mutex_unlock(&fd->fw_lock);

	fd->ops->claim(fd);
	fd->state = 1;
	mutex_unlock(&fd->state_lock);
}

void fdev_set_state(struct fdev *fd, int state)
{
	mutex_lock(&fd->fw_lock);
	mutex_lock(&fd->state_lock);
	if (fd->fw)
		fd->state = state;
	mutex_unlock(&fd->state_lock);
	mutex_unlock(&fd->fw_lock);
}

void fdev_resume(struct fdev *fd)
{
	mutex_lock(&fd->state_lock);
	fd->state = 0;
	fdev_reload(fd);	//~ lock-order-cycle
}
