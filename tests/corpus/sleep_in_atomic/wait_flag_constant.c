// SPDX-License-Identifier: GPL-2.0
/*
 * The task queue waits for the task only when asked to. The timer
 * callback, in softirq context, asks it to wait.
 */
#include <linux/completion.h>
#include <linux/timer.h>

struct tqm {
	struct completion done;
	struct timer_list poll_timer;
	int pending;
};

static int tqm_send_task(struct tqm *q, int arg, bool wait)
{
	q->pending = arg;
	if (wait)
		wait_for_completion(&q->done);
	return 0;
}

static void tqm_poll_timer_cb(struct timer_list *t)
{
	struct tqm *q = from_timer(q, t, poll_timer);

	tqm_send_task(q, 1, true);	//~ sleep-in-atomic
}

void tqm_init(struct tqm *q)
{
	init_completion(&q->done);
	timer_setup(&q->poll_timer, tqm_poll_timer_cb, 0);
}

int tqm_flush(struct tqm *q)
{
	return tqm_send_task(q, 0, true);
}
