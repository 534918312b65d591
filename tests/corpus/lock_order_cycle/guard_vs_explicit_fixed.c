// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of guard_vs_explicit.c: foo_port_flush_tx() takes
 * port->lock before port->tx_lock, the order the guards in
 * foo_port_set_baud() establish.
 */
#include <linux/cleanup.h>
#include <linux/io.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

#define FOO_PORT_BAUD	0x04

struct foo_port {
	spinlock_t lock;		/* port state */
	spinlock_t tx_lock;		/* TX FIFO indices */
	struct mutex cfg_mutex;		/* serialises reconfiguration */
	unsigned int baud;
	unsigned int tx_head;
	unsigned int tx_tail;
	void __iomem *regs;
};

static int foo_port_set_baud(struct foo_port *port, unsigned int baud)
{
	if (!baud)
		return -EINVAL;

	guard(mutex)(&port->cfg_mutex);
	guard(spinlock_irqsave)(&port->lock);
	port->baud = baud;
	guard(spinlock)(&port->tx_lock);
	/* whatever is queued would go out at the wrong rate */
	port->tx_tail = port->tx_head;
	writel(baud, port->regs + FOO_PORT_BAUD);
	return 0;
}

static void foo_port_flush_tx(struct foo_port *port)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	spin_lock(&port->tx_lock);
	port->tx_tail = port->tx_head;
	port->baud = readl(port->regs + FOO_PORT_BAUD);
	spin_unlock(&port->tx_lock);
	spin_unlock_irqrestore(&port->lock, flags);
}
