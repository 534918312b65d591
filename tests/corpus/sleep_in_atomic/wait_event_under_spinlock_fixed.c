// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of wait_event_under_spinlock.c: both paths wait with the
 * lock dropped and recheck the condition under the lock after waking.
 */
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#define MBX_SLOTS	8

struct mbx {
	spinlock_t lock;		/* slots, used */
	wait_queue_head_t wq;
	u32 slots[MBX_SLOTS];
	unsigned int used;
};

void mbx_post(struct mbx *mb, u32 msg)
{
	spin_lock(&mb->lock);
	while (mb->used >= MBX_SLOTS) {
		spin_unlock(&mb->lock);
		wait_event(mb->wq, READ_ONCE(mb->used) < MBX_SLOTS);
		spin_lock(&mb->lock);
	}
	mb->slots[mb->used++] = msg;
	spin_unlock(&mb->lock);
	wake_up(&mb->wq);
}

u32 mbx_fetch(struct mbx *mb)
{
	DEFINE_WAIT(wait);
	u32 msg;

	spin_lock(&mb->lock);
	while (!mb->used) {
		prepare_to_wait(&mb->wq, &wait, TASK_UNINTERRUPTIBLE);
		spin_unlock(&mb->lock);
		schedule();
		spin_lock(&mb->lock);
	}
	finish_wait(&mb->wq, &wait);
	msg = mb->slots[--mb->used];
	spin_unlock(&mb->lock);
	wake_up(&mb->wq);
	return msg;
}
