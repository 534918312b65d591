// SPDX-License-Identifier: GPL-2.0
/*
 * kthread_stop() while holding the mutex the thread takes. The scrubber
 * thread takes scr->lock for each pass; stopping it with that lock held
 * blocks forever if the thread is waiting for the lock, because
 * kthread_stop() waits for the thread to exit.
 */
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/mutex.h>

struct scrubber {
	struct mutex lock;		/* next_block, nr_blocks */
	struct task_struct *task;
	unsigned long next_block;
	unsigned long nr_blocks;
};

void scr_check_block(struct scrubber *scr, unsigned long block);

static int scr_thread(void *data)
{
	struct scrubber *scr = data;

	while (!kthread_should_stop()) {
		mutex_lock(&scr->lock);
		scr_check_block(scr, scr->next_block);
		scr->next_block = (scr->next_block + 1) % scr->nr_blocks;
		mutex_unlock(&scr->lock);
		msleep_interruptible(100);
	}
	return 0;
}

int scr_start(struct scrubber *scr)
{
	mutex_init(&scr->lock);
	scr->task = kthread_run(scr_thread, scr, "scrubber");
	return PTR_ERR_OR_ZERO(scr->task);
}

void scr_stop(struct scrubber *scr)
{
	mutex_lock(&scr->lock);
	kthread_stop(scr->task);	//~ wait-under-lock
	scr->task = NULL;
	mutex_unlock(&scr->lock);
}
