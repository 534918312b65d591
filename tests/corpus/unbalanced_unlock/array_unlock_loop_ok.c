// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of vhost_dev_unlock_vqs() and amdgpu's link_lock(): every
 * queue of the device has its own mutex, and the helpers take or drop them
 * all in a loop over the array. Each pass releases another element; none is
 * released twice. (The broken twin is array_unlock_loop.c.)
 */
#include <linux/mutex.h>

struct mq_queue {
	struct mutex mutex;
	unsigned int head;
};

struct mq_dev {
	struct mutex lock;
	int nqueues;
	struct mq_queue *q;
};

static void mq_lock_queues(struct mq_dev *d, bool lock)
{
	int i;

	for (i = 0; i < d->nqueues; i++) {
		if (lock)
			mutex_lock_nested(&d->q[i].mutex, i);
		else
			mutex_unlock(&d->q[i].mutex);
	}
}

void mq_reset(struct mq_dev *d)
{
	int i;

	mq_lock_queues(d, true);
	for (i = 0; i < d->nqueues; i++)
		d->q[i].head = 0;
	mq_lock_queues(d, false);
}
