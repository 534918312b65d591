// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of wait_kthread_stop_mutex.c: the thread is stopped before
 * fe->lock is taken.
 *
 * The bug was kthread_stop() while holding the mutex the thread takes.
 *
 * The DVB frontend-style polling thread takes fe->lock around every tune
 * step. Detaching the frontend holds fe->lock and calls kthread_stop(),
 * which wakes the thread and waits for it to exit; a thread that has just
 * woken up blocks on fe->lock before it can see kthread_should_stop().
 *
 * Modelled on the fixes that dropped a mutex shared with a kthread before
 * kthread_stop() (media and staging drivers; no exact subject recalled).
 */
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/mutex.h>

struct fex_frontend {
	struct mutex lock;		/* params, state */
	struct task_struct *thread;
	u32 freq;
	int state;
};

void fex_tune_step(struct fex_frontend *fe);

static int fex_thread(void *data)
{
	struct fex_frontend *fe = data;

	while (!kthread_should_stop()) {
		mutex_lock(&fe->lock);
		fex_tune_step(fe);
		mutex_unlock(&fe->lock);
		msleep_interruptible(100);
	}
	return 0;
}

int fex_start(struct fex_frontend *fe)
{
	fe->thread = kthread_run(fex_thread, fe, "fex-fe");
	return PTR_ERR_OR_ZERO(fe->thread);
}

void fex_detach(struct fex_frontend *fe)
{
	if (fe->thread) {
		kthread_stop(fe->thread);
		fe->thread = NULL;
	}
	mutex_lock(&fe->lock);
	fe->state = 0;
	mutex_unlock(&fe->lock);
}
