// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of softirq_timer_spin_lock_no_bh.c: process context takes
 * sta_lock with spin_lock_bh().
 *
 * The bug was a spinlock shared with a timer callback, taken without
 * disabling BHs.
 *
 * The association-ageing timer (timer_setup(), softirq context) walks the
 * station table under ap->sta_lock and expires idle stations. The netlink
 * "add station" handler runs in process context and takes ap->sta_lock
 * with plain spin_lock(): if the timer fires on that CPU while the
 * handler holds the lock, the softirq spins on it forever. Lockdep:
 * "inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage".
 *
 * Modelled on the networking fixes that turned such process-context
 * acquisitions into spin_lock_bh() (mac80211, tipc, ath drivers and
 * others; no exact subject recalled).
 */
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#define APX_STA_IDLE	(300 * HZ)

struct apx_sta {
	struct list_head node;
	u8 addr[6];
	unsigned long last_rx;
};

struct apx_ap {
	spinlock_t sta_lock;		/* sta_list, num_sta */
	struct list_head sta_list;
	unsigned int num_sta;
	struct timer_list ageing_timer;
};

static void apx_ageing_timer(struct timer_list *t)
{
	struct apx_ap *ap = from_timer(ap, t, ageing_timer);
	struct apx_sta *sta, *tmp;

	spin_lock(&ap->sta_lock);
	list_for_each_entry_safe(sta, tmp, &ap->sta_list, node) {
		if (time_after(jiffies, sta->last_rx + APX_STA_IDLE)) {
			list_del(&sta->node);
			ap->num_sta--;
			kfree(sta);
		}
	}
	spin_unlock(&ap->sta_lock);
	mod_timer(&ap->ageing_timer, jiffies + HZ);
}

int apx_add_station(struct apx_ap *ap, const u8 *addr)
{
	struct apx_sta *sta;

	sta = kzalloc(sizeof(*sta), GFP_KERNEL);
	if (!sta)
		return -ENOMEM;
	memcpy(sta->addr, addr, sizeof(sta->addr));
	sta->last_rx = jiffies;

	spin_lock_bh(&ap->sta_lock);
	list_add(&sta->node, &ap->sta_list);
	ap->num_sta++;
	spin_unlock_bh(&ap->sta_lock);
	return 0;
}

void apx_init(struct apx_ap *ap)
{
	spin_lock_init(&ap->sta_lock);
	INIT_LIST_HEAD(&ap->sta_list);
	timer_setup(&ap->ageing_timer, apx_ageing_timer, 0);
	mod_timer(&ap->ageing_timer, jiffies + HZ);
}
