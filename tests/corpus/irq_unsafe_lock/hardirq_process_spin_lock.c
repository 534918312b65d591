// SPDX-License-Identifier: GPL-2.0
/*
 * A spinlock shared between a hardirq handler and process context, taken
 * in process context with interrupts enabled. If the UART interrupt fires
 * on the CPU that holds port->lock in suart_set_baud() or suart_flush(),
 * the handler spins on it forever. The finding is on the first
 * process-context acquisition; the second is a related site.
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
	spin_lock(&port->lock);	//~ irq-unsafe-lock
	writel(div, port->regs + SUART_BAUD);
	spin_unlock(&port->lock);
}

void suart_flush(struct suart_port *port)
{
	spin_lock(&port->lock);
	writel(0x6, port->regs + SUART_FCR);
	port->rx_head = 0;
	spin_unlock(&port->lock);
}

int suart_startup(struct suart_port *port)
{
	spin_lock_init(&port->lock);
	return request_irq(port->irq, suart_irq, 0, "suart", port);
}
