// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of unreleased_spin_irqsave_dma_prep.c: the empty-list
 * branch restores the lock and IRQs before returning.
 *
 * The bug was a spin_lock_irqsave() leaked on an error path.
 *
 * The DMA engine's prep callback takes the channel lock to grab a free
 * descriptor; when the free list is empty it logs and returns NULL
 * without spin_unlock_irqrestore(), leaving the channel lock held and
 * local interrupts disabled.
 *
 * Modelled on the dmaengine fixes "...: fix missing unlock on error
 * path"/"add missing spin_unlock_irqrestore" in descriptor allocation
 * (several drivers; no exact subject recalled).
 */
#include <linux/dmaengine.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct xdma_desc {
	struct list_head node;
	struct dma_async_tx_descriptor txd;
	dma_addr_t src, dst;
	size_t len;
};

struct xdma_chan {
	struct dma_chan chan;
	spinlock_t lock;		/* free_list, active_list */
	struct list_head free_list;
	struct list_head active_list;
};

static inline struct xdma_chan *to_xdma_chan(struct dma_chan *c)
{
	return container_of(c, struct xdma_chan, chan);
}

static struct dma_async_tx_descriptor *
xdma_prep_memcpy(struct dma_chan *c, dma_addr_t dst, dma_addr_t src,
		 size_t len, unsigned long flags)
{
	struct xdma_chan *xc = to_xdma_chan(c);
	struct xdma_desc *d;
	unsigned long irqflags;

	spin_lock_irqsave(&xc->lock, irqflags);
	d = list_first_entry_or_null(&xc->free_list, struct xdma_desc, node);
	if (!d) {
		spin_unlock_irqrestore(&xc->lock, irqflags);
		dev_dbg(c->device->dev, "no free descriptors\n");
		return NULL;
	}
	list_move_tail(&d->node, &xc->active_list);
	spin_unlock_irqrestore(&xc->lock, irqflags);

	d->src = src;
	d->dst = dst;
	d->len = len;
	d->txd.flags = flags;
	return &d->txd;
}
