// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of vhost_dev_unlock_vqs() and amdgpu's link_lock(): every
 * queue of the device has its own mutex, and the helpers take or drop them
 * all in a loop over the array, as sb_freeze_unlock() does through pointer
 * arithmetic. Each pass releases another element; none is released twice. (The broken twin is array_unlock_loop.c.)
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
	struct mutex levels[MQ_LEVELS];
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

/* Called with the first @level levels held, as the freeze path leaves them. */
static void mq_unlock_levels(struct mq_dev *d, int level)
{
	for (level--; level >= 0; level--)
		mutex_unlock(d->levels + level);
}

void mq_thaw(struct mq_dev *d)
{
	int level;

	for (level = 0; level < MQ_LEVELS; level++)
		mutex_lock_nested(d->levels + level, level);
	mq_unlock_levels(d, MQ_LEVELS);
}
