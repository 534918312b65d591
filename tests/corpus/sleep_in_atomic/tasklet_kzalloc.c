// SPDX-License-Identifier: GPL-2.0
/*
 * A tasklet that allocates with GFP_KERNEL. The RX tasklet builds an event
 * record for each completed descriptor; tasklets run in softirq context,
 * where an allocation that may reclaim may sleep.
 */
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct hsc_event {
	struct list_head node;
	u32 status;
};

struct hsc_chan {
	struct tasklet_struct rx_tasklet;
	spinlock_t ev_lock;		/* events */
	struct list_head events;
	u32 (*next_status)(struct hsc_chan *ch);
};

static void hsc_rx_tasklet(struct tasklet_struct *t)
{
	struct hsc_chan *ch = from_tasklet(ch, t, rx_tasklet);
	struct hsc_event *ev;
	u32 status;

	while ((status = ch->next_status(ch)) != 0) {
		ev = kzalloc(sizeof(*ev), GFP_KERNEL);	//~ sleep-in-atomic
		if (!ev)
			break;
		ev->status = status;
		spin_lock(&ch->ev_lock);
		list_add_tail(&ev->node, &ch->events);
		spin_unlock(&ch->ev_lock);
	}
}

void hsc_chan_init(struct hsc_chan *ch)
{
	spin_lock_init(&ch->ev_lock);
	INIT_LIST_HEAD(&ch->events);
	tasklet_setup(&ch->rx_tasklet, hsc_rx_tasklet);
}
