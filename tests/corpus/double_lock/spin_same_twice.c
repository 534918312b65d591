// SPDX-License-Identifier: GPL-2.0
/*
 * The same spinlock taken twice on one path. The TX-empty handling was
 * moved into the interrupt handler from ruart_start_tx(), which runs
 * without the port lock, and kept its spin_lock(): with RX and TX pending
 * together the handler spins on a lock it already holds.
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
	if (isr & RUART_ISR_TX) {
		spin_lock(&up->lock);	//~ double-lock
		ruart_tx_chars(up);
	}
	spin_unlock(&up->lock);
	return IRQ_HANDLED;
}
