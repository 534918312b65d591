// SPDX-License-Identifier: GPL-2.0
/*
 * A timer callback that sleeps. The watchdog poll timer pings the
 * controller and gives it a millisecond to answer with msleep(); timer
 * callbacks run in softirq context, where sleeping is a BUG.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/timer.h>

#define WDP_PING	0x08
#define WDP_ACK		0x0c

struct wdp_dev {
	void __iomem *base;
	struct timer_list poll_timer;
	unsigned int missed;
};

static void wdp_poll(struct timer_list *t)
{
	struct wdp_dev *wd = from_timer(wd, t, poll_timer);

	writel(1, wd->base + WDP_PING);
	msleep(1);	//~ sleep-in-atomic
	if (!readl(wd->base + WDP_ACK))
		wd->missed++;
	mod_timer(&wd->poll_timer, jiffies + HZ);
}

void wdp_start(struct wdp_dev *wd)
{
	timer_setup(&wd->poll_timer, wdp_poll, 0);
	mod_timer(&wd->poll_timer, jiffies + HZ);
}
