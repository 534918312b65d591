// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of flag_second_test_differs.c: lock and unlock test the
 * same field, which nothing assigns in between, so each path either
 * takes and drops the lock or does neither.
 */
#include <linux/spinlock.h>

#define EVLOG_SIZE	128

struct evlog {
	spinlock_t lock;		/* ring, once ready */
	u32 ring[EVLOG_SIZE];
	unsigned int head;
	unsigned int early_events;
	bool ready;
};

void evlog_add(struct evlog *log, u32 ev, bool early)
{
	if (log->ready)
		spin_lock(&log->lock);
	log->ring[log->head] = ev;
	log->head = (log->head + 1) % EVLOG_SIZE;
	if (early)
		log->early_events++;
	if (log->ready)
		spin_unlock(&log->lock);
}
