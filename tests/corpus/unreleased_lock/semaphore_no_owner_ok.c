// SPDX-License-Identifier: GPL-2.0
/*
 * Semaphores have no owner. The DMA submit path takes one slot with
 * down() and returns without up(): the completion interrupt gives the
 * slot back. Neither the return holding the semaphore (LO003) nor the
 * up() in a function that never took it (LO004) is a bug. The error
 * path gives the slot back itself.
 */
#include <linux/dmaengine.h>
#include <linux/interrupt.h>
#include <linux/semaphore.h>

struct xdma_chan {
	struct semaphore slots;		/* free descriptors */
	struct dma_chan *chan;
	unsigned int submitted;
};

int xdma_hw_queue(struct xdma_chan *xc, dma_addr_t addr, size_t len);

int xdma_submit(struct xdma_chan *xc, dma_addr_t addr, size_t len)
{
	int ret;

	down(&xc->slots);
	ret = xdma_hw_queue(xc, addr, len);
	if (ret) {
		up(&xc->slots);
		return ret;
	}
	xc->submitted++;
	return 0;	/* xdma_done_irq() gives the slot back */
}

static irqreturn_t xdma_done_irq(int irq, void *data)
{
	struct xdma_chan *xc = data;

	up(&xc->slots);
	return IRQ_HANDLED;
}

int xdma_init(struct xdma_chan *xc, int irq, unsigned int nr_slots)
{
	sema_init(&xc->slots, nr_slots);
	return request_irq(irq, xdma_done_irq, 0, "xdma", xc);
}
