// SPDX-License-Identifier: GPL-2.0
/*
 * Functions that return holding a lock on purpose, and their callers:
 * - rsched_lock()/rsched_unlock(): wrappers that always return holding
 *   (or having dropped) the mutex;
 * - rsched_find_lock_busy(): returns a queue with its lock held, or NULL
 *   with nothing held (the find_lock_task_mm() shape, inside a loop);
 * - rsched_lock_active(): returns 0 holding the mutex, or an error
 *   (-EINTR, -ENODEV) without it.
 * None of them leaks a lock, and nor do the callers, which release only
 * where the callee's result says it is held.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct rsched_queue {
	spinlock_t lock;		/* nr_pending */
	struct list_head node;
	unsigned int nr_pending;
};

struct rsched {
	struct mutex lock;		/* queues, active */
	struct list_head queues;
	bool active;
	unsigned int generation;
};

void rsched_run_queue(struct rsched_queue *q);

static void rsched_lock(struct rsched *s)
{
	mutex_lock(&s->lock);
}

static void rsched_unlock(struct rsched *s)
{
	mutex_unlock(&s->lock);
}

static struct rsched_queue *rsched_find_lock_busy(struct rsched *s)
{
	struct rsched_queue *q;

	list_for_each_entry(q, &s->queues, node) {
		spin_lock(&q->lock);
		if (q->nr_pending)
			return q;
		spin_unlock(&q->lock);
	}
	return NULL;
}

static int rsched_lock_active(struct rsched *s)
{
	if (mutex_lock_interruptible(&s->lock))
		return -EINTR;
	if (!s->active) {
		mutex_unlock(&s->lock);
		return -ENODEV;
	}
	return 0;
}

void rsched_bump_generation(struct rsched *s)
{
	rsched_lock(s);
	s->generation++;
	rsched_unlock(s);
}

int rsched_run_one(struct rsched *s)
{
	struct rsched_queue *q;
	int ret;

	ret = rsched_lock_active(s);
	if (ret)
		return ret;

	q = rsched_find_lock_busy(s);
	if (!q) {
		mutex_unlock(&s->lock);
		return -EAGAIN;
	}
	q->nr_pending--;
	spin_unlock(&q->lock);

	rsched_run_queue(q);
	mutex_unlock(&s->lock);
	return 0;
}
