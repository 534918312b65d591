// SPDX-License-Identifier: GPL-2.0
/*
 * Unlike drop_two_calls_deep_ok.c, the wait helper keeps the caller's
 * state lock while it takes the I/O mutex, two calls below the holder:
 * state_lock -> io_mutex there, io_mutex -> state_lock in stg_queue().
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
	mutex_lock(&s->io_mutex);
	s->queued = 0;
	mutex_unlock(&s->io_mutex);
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
	mutex_lock(&s->state_lock);	//~ lock-order-cycle
	s->queued++;
	s->state = 1;
	mutex_unlock(&s->state_lock);
	mutex_unlock(&s->io_mutex);
}
