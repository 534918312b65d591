// SPDX-License-Identifier: GPL-2.0
/*
 * The endpoint's buffer-ready work is four calls below the interrupt handler:
 * usbc_irq() -> usbc_irq_ep() -> usbc_irq_ep_status() -> usbc_irq_ep_pipe()
 * -> usbc_ep_ready(). The last takes the endpoint lock with a plain spin_lock(),
 * deeper than the handler's callees are followed, but every caller of each
 * function on the way is the interrupt handler's chain: it never runs with
 * interrupts enabled, and lockdep sees no IRQ-unsafe use.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define USBC_INT_STATUS	0x10
#define USBC_EP_STATUS	0x14

struct usbc {
	spinlock_t	ep_lock;	/* ready_mask */
	unsigned long	ready_mask;
	void __iomem	*regs;
	int		irq;
};

static void usbc_ep_ready(struct usbc *u, int ep)
{
	spin_lock(&u->ep_lock);
	u->ready_mask |= BIT(ep);
	spin_unlock(&u->ep_lock);
}

static void usbc_irq_ep_pipe(struct usbc *u, int ep)
{
	usbc_ep_ready(u, ep);
}

static void usbc_irq_ep_status(struct usbc *u, u32 status)
{
	int ep;

	for (ep = 0; ep < 16; ep++)
		if (status & BIT(ep))
			usbc_irq_ep_pipe(u, ep);
}

static void usbc_irq_ep(struct usbc *u)
{
	usbc_irq_ep_status(u, readl(u->regs + USBC_EP_STATUS));
}

static irqreturn_t usbc_irq(int irq, void *data)
{
	struct usbc *u = data;
	u32 status = readl(u->regs + USBC_INT_STATUS);

	if (!status)
		return IRQ_NONE;
	spin_lock(&u->ep_lock);
	u->ready_mask = 0;
	spin_unlock(&u->ep_lock);
	usbc_irq_ep(u);
	return IRQ_HANDLED;
}

int usbc_probe(struct usbc *u)
{
	spin_lock_init(&u->ep_lock);
	return request_irq(u->irq, usbc_irq, 0, "usbc", u);
}
