// SPDX-License-Identifier: GPL-2.0
/*
 * del_timer_sync() while holding the spinlock the timer callback takes.
 * If the retransmit timer is running on another CPU, it spins on
 * link->lock, and del_timer_sync() spins waiting for it to finish.
 */
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

struct rtx_link {
	spinlock_t lock;		/* unacked, retries */
	struct timer_list rtx_timer;
	unsigned int unacked;
	unsigned int retries;
};

void rtx_resend(struct rtx_link *link);

static void rtx_timeout(struct timer_list *t)
{
	struct rtx_link *link = from_timer(link, t, rtx_timer);

	spin_lock(&link->lock);
	if (link->unacked) {
		link->retries++;
		rtx_resend(link);
		mod_timer(&link->rtx_timer, jiffies + HZ / 10);
	}
	spin_unlock(&link->lock);
}

void rtx_link_init(struct rtx_link *link)
{
	spin_lock_init(&link->lock);
	timer_setup(&link->rtx_timer, rtx_timeout, 0);
}

void rtx_link_down(struct rtx_link *link)
{
	spin_lock_bh(&link->lock);
	link->unacked = 0;
	del_timer_sync(&link->rtx_timer);	//~ wait-under-lock
	spin_unlock_bh(&link->lock);
}
