// SPDX-License-Identifier: GPL-2.0
/*
 * A spinlock shared with a hard IRQ handler, taken with IRQs enabled.
 *
 * The UART's interrupt handler takes port->lock to drain the RX FIFO.
 * The termios path (process context) takes the same lock with plain
 * spin_lock() to reprogram the divisor: if the UART interrupt arrives on
 * that CPU while it holds the lock, the handler spins forever.
 * Lockdep: "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage".
 *
 * Modelled on the serial-driver fixes that converted a set_termios or
 * startup path to spin_lock_irqsave() after such a lockdep report
 * (several drivers; no exact subject recalled).
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/serial_core.h>
#include <linux/spinlock.h>

#define KUART_DATA	0x00
#define KUART_STAT	0x04
#define KUART_DIV	0x08
#define KUART_RX_READY	BIT(0)

struct kuart_port {
	spinlock_t lock;		/* registers, rx buffer */
	void __iomem *base;
	int irq;
	u8 rxbuf[512];
	unsigned int rx_len;
};

static irqreturn_t kuart_irq(int irq, void *dev_id)
{
	struct kuart_port *kp = dev_id;

	spin_lock(&kp->lock);
	while ((readl(kp->base + KUART_STAT) & KUART_RX_READY) &&
	       kp->rx_len < sizeof(kp->rxbuf))
		kp->rxbuf[kp->rx_len++] = readl(kp->base + KUART_DATA);
	spin_unlock(&kp->lock);
	return IRQ_HANDLED;
}

void kuart_set_divisor(struct kuart_port *kp, unsigned int baud,
		       unsigned int clk)
{
	spin_lock(&kp->lock);	//~ irq-unsafe-lock
	writel(clk / (16 * baud), kp->base + KUART_DIV);
	spin_unlock(&kp->lock);
}

int kuart_startup(struct kuart_port *kp)
{
	spin_lock_init(&kp->lock);
	return request_irq(kp->irq, kuart_irq, IRQF_SHARED, "kuart", kp);
}
