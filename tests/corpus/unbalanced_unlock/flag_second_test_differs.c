// SPDX-License-Identifier: GPL-2.0
/*
 * Flag-correlated locking whose second test is not the first. The event
 * log runs lockless until log->ready is set (one CPU, early boot) and
 * locks afterwards, but the release was written against the caller's
 * `early` argument, which is not the same thing. A late caller passing
 * early on a ready log returns holding the lock (LO003 at the closing
 * brace); an early-boot call that does not say so releases a lock
 * nobody took (LO004).
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
	if (!early)
		spin_unlock(&log->lock);	//~ unbalanced-unlock
}	//~ unreleased-lock
