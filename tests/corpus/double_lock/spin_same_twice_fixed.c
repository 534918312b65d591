// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of spin_same_twice.c: the handler already holds the port
 * lock, so the TX-empty branch calls ruart_tx_chars() directly. The early
 * IRQ_NONE return drops the lock first.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define RUART_ISR		0x10
#define RUART_ISR_PENDING	0x01
#define RUART_ISR_RX		0x02
#define RUART_ISR_TX		0x04

struct ruart_port {
	spinlock_t lock;		/* FIFOs and the counters below */
	void __iomem *regs;
	unsigned int rx_count;
	unsigned int tx_count;
};

void ruart_rx_chars(struct ruart_port *up);
void ruart_tx_chars(struct ruart_port *up);

static irqreturn_t ruart_isr(int irq, void *dev_id)
{
	struct ruart_port *up = dev_id;
	u32 isr;

	spin_lock(&up->lock);
	isr = readl(up->regs + RUART_ISR);
	if (!(isr & RUART_ISR_PENDING)) {
		spin_unlock(&up->lock);
		return IRQ_NONE;
	}
	writel(isr, up->regs + RUART_ISR);
	if (isr & RUART_ISR_RX)
		ruart_rx_chars(up);
	if (isr & RUART_ISR_TX)
		ruart_tx_chars(up);
	spin_unlock(&up->lock);
	return IRQ_HANDLED;
}
