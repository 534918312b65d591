// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of timer_callback_msleep.c: the callback does not wait
 * for the answer. It checks the acknowledge of the previous ping, sends
 * the next one and re-arms itself.
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
	bool pinged;
};

static void wdp_poll(struct timer_list *t)
{
	struct wdp_dev *wd = from_timer(wd, t, poll_timer);

	if (wd->pinged && !readl(wd->base + WDP_ACK))
		wd->missed++;
	writel(1, wd->base + WDP_PING);
	wd->pinged = true;
	mod_timer(&wd->poll_timer, jiffies + HZ);
}

void wdp_start(struct wdp_dev *wd)
{
	wd->pinged = false;
	timer_setup(&wd->poll_timer, wdp_poll, 0);
	mod_timer(&wd->poll_timer, jiffies + HZ);
}
