// SPDX-License-Identifier: GPL-2.0
/*
 * A spinlock shared with a timer callback (softirq context), taken in
 * process context without disabling bottom halves. The timer can expire on
 * the CPU holding the lock in ageing_set_limit() and spin on it forever.
 */
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct ageing {
	spinlock_t lock;		/* count, limit */
	struct timer_list gc_timer;
	unsigned int count;
	unsigned int limit;
};

void ageing_evict_one(struct ageing *ag);

static void ageing_gc(struct timer_list *t)
{
	struct ageing *ag = from_timer(ag, t, gc_timer);

	spin_lock(&ag->lock);
	while (ag->count > ag->limit) {
		ageing_evict_one(ag);
		ag->count--;
	}
	spin_unlock(&ag->lock);
	mod_timer(&ag->gc_timer, jiffies + HZ);
}

void ageing_set_limit(struct ageing *ag, unsigned int limit)
{
	spin_lock(&ag->lock);	//~ irq-unsafe-lock
	ag->limit = limit;
	spin_unlock(&ag->lock);
}

void ageing_init(struct ageing *ag)
{
	spin_lock_init(&ag->lock);
	timer_setup(&ag->gc_timer, ageing_gc, 0);
	mod_timer(&ag->gc_timer, jiffies + HZ);
}
