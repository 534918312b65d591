// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of semaphore_resend.c: the resend path gives the
 * semaphore back before it queues again, so down() runs with nothing held.
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
		up(&cc->cmd_sem);
		down(&cc->cmd_sem);
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
