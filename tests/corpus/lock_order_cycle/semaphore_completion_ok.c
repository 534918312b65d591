// SPDX-License-Identifier: GPL-2.0
/*
 * A semaphore initialised to 0 is a completion: the thread waits on it and
 * the interrupt path signals it. Waiting on it with the request mutex held
 * is not a lock order, so the two functions below form no cycle.
 */
#include <linux/kthread.h>
#include <linux/semaphore.h>

struct qux_dev {
	struct mutex req_lock;
	struct semaphore wake;
	bool stopping;
};

static int qux_thread(void *data)
{
	struct qux_dev *qd = data;

	while (!kthread_should_stop()) {
		if (down_interruptible(&qd->wake))
			continue;
		mutex_lock(&qd->req_lock);
		/* send the queued request */
		mutex_unlock(&qd->req_lock);
	}
	return 0;
}

static void qux_wait_idle(struct qux_dev *qd)
{
	mutex_lock(&qd->req_lock);
	down(&qd->wake);
	mutex_unlock(&qd->req_lock);
}

static void qux_init(struct qux_dev *qd)
{
	mutex_init(&qd->req_lock);
	sema_init(&qd->wake, 0);
}
