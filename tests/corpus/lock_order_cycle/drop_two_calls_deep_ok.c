// SPDX-License-Identifier: GPL-2.0
/*
 * The caller's state lock is dropped two calls below it, while the I/O
 * mutex is taken (as ceph's message dispatch drops con->mutex around the
 * handler): the flush helper in between neither takes nor drops it. No
 * path holds state_lock while it waits for io_mutex, so the order
 * io_mutex -> state_lock taken elsewhere is no inversion.
 */
#include <linux/mutex.h>

struct stg {
	struct mutex state_lock;	/* state */
	struct mutex io_mutex;		/* queued, the hardware queue */
	int state;
	int queued;
};

static void stg_wait_io(struct stg *s)
	__must_hold(&s->state_lock)
{
	mutex_unlock(&s->state_lock);
	mutex_lock(&s->io_mutex);
	s->queued = 0;
	mutex_unlock(&s->io_mutex);
	mutex_lock(&s->state_lock);
}

static void stg_flush(struct stg *s)
{
	s->state = 2;
	stg_wait_io(s);
}

void stg_sync(struct stg *s)
{
	mutex_lock(&s->state_lock);
	stg_flush(s);
	s->state = 0;
	mutex_unlock(&s->state_lock);
}

void stg_queue(struct stg *s)
{
	mutex_lock(&s->io_mutex);
	mutex_lock(&s->state_lock);
	s->queued++;
	s->state = 1;
	mutex_unlock(&s->state_lock);
	mutex_unlock(&s->io_mutex);
}
