// SPDX-License-Identifier: GPL-2.0
/*
 * A semaphore taken twice on one path. When the firmware asks for a
 * resend, the command path means to let the next queued command go first
 * — up() then down() — but the up() is missing, so down() waits for a
 * count this thread holds. The path that entered through
 * `ret = down_interruptible(&s); if (ret) goto out;` holds nothing.
 */
#include <linux/errno.h>
#include <linux/semaphore.h>

struct ccmd {
	struct semaphore cmd_sem;	/* one command in flight */
	unsigned int resends;
};

int ccmd_exec(struct ccmd *cc, u32 cmd);

int ccmd_send(struct ccmd *cc, u32 cmd)
{
	int ret;

	ret = down_interruptible(&cc->cmd_sem);
	if (ret)
		goto out;
	ret = ccmd_exec(cc, cmd);
	if (ret == -EAGAIN) {
		/* let the next queued command go first */
		cc->resends++;
		down(&cc->cmd_sem);	//~ double-lock
		ret = ccmd_exec(cc, cmd);
	}
	up(&cc->cmd_sem);
out:
	return ret;
}

void ccmd_init(struct ccmd *cc)
{
	/* one holder at a time: a lock */
	sema_init(&cc->cmd_sem, 1);
}
