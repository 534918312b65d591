// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting on a wait queue with a spinlock held, once through wait_event()
 * and once open-coded with schedule(). The message box holds its lock
 * while it waits for a free slot; besides sleeping in atomic context, the
 * producer that would free the slot needs that same lock.
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
	wait_event(mb->wq, mb->used < MBX_SLOTS);	//~ sleep-in-atomic
	mb->slots[mb->used++] = msg;
	spin_unlock(&mb->lock);
}

u32 mbx_fetch(struct mbx *mb)
{
	DEFINE_WAIT(wait);
	u32 msg;

	spin_lock(&mb->lock);
	while (!mb->used) {
		prepare_to_wait(&mb->wq, &wait, TASK_UNINTERRUPTIBLE);
		schedule();	//~ sleep-in-atomic
	}
	finish_wait(&mb->wq, &wait);
	msg = mb->slots[--mb->used];
	spin_unlock(&mb->lock);
	wake_up(&mb->wq);
	return msg;
}
