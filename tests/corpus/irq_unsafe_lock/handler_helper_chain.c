// SPDX-License-Identifier: GPL-2.0
/*
 * The hardirq use of the lock is one call down: the DMA interrupt handler
 * completes descriptors through dmac_complete(), which takes the channel
 * lock. Submission takes the same lock with interrupts enabled.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#define DMAC_INT_STATUS	0x00

struct dmac_desc {
	struct list_head node;
	void (*callback)(void *arg);
	void *arg;
};

struct dmac_chan {
	spinlock_t lock;		/* active, queued */
	struct list_head active;
	struct list_head queued;
	void __iomem *regs;
	int irq;
};

static void dmac_complete(struct dmac_chan *ch)
{
	struct dmac_desc *d;

	spin_lock(&ch->lock);
	d = list_first_entry_or_null(&ch->active, struct dmac_desc, node);
	if (d)
		list_del(&d->node);
	spin_unlock(&ch->lock);
	if (d && d->callback)
		d->callback(d->arg);
}

static irqreturn_t dmac_irq(int irq, void *dev_id)
{
	struct dmac_chan *ch = dev_id;

	if (!readl(ch->regs + DMAC_INT_STATUS))
		return IRQ_NONE;
	dmac_complete(ch);
	return IRQ_HANDLED;
}

void dmac_submit(struct dmac_chan *ch, struct dmac_desc *d)
{
	spin_lock(&ch->lock);	//~ irq-unsafe-lock
	list_add_tail(&d->node, &ch->queued);
	spin_unlock(&ch->lock);
}

int dmac_chan_init(struct dmac_chan *ch)
{
	spin_lock_init(&ch->lock);
	INIT_LIST_HEAD(&ch->active);
	INIT_LIST_HEAD(&ch->queued);
	return request_irq(ch->irq, dmac_irq, 0, "dmac", ch);
}
