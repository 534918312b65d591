// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of hardirq_process_spin_lock.c: process context takes the
 * port lock with spin_lock_irqsave(), so the handler cannot interrupt a
 * holder on the same CPU.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define SUART_RX	0x00
#define SUART_BAUD	0x08
#define SUART_FCR	0x0c

struct suart_port {
	spinlock_t lock;		/* registers, rx ring */
	void __iomem *regs;
	u8 rx[256];
	unsigned int rx_head;
	int irq;
};

static irqreturn_t suart_irq(int irq, void *dev_id)
{
	struct suart_port *port = dev_id;

	spin_lock(&port->lock);
	port->rx[port->rx_head++ % sizeof(port->rx)] = readl(port->regs + SUART_RX);
	spin_unlock(&port->lock);
	return IRQ_HANDLED;
}

void suart_set_baud(struct suart_port *port, u32 div)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	writel(div, port->regs + SUART_BAUD);
	spin_unlock_irqrestore(&port->lock, flags);
}

void suart_flush(struct suart_port *port)
{
	spin_lock_irq(&port->lock);
	writel(0x6, port->regs + SUART_FCR);
	port->rx_head = 0;
	spin_unlock_irq(&port->lock);
}

int suart_startup(struct suart_port *port)
{
	spin_lock_init(&port->lock);
	return request_irq(port->irq, suart_irq, 0, "suart", port);
}
