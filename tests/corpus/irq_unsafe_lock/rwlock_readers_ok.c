// SPDX-License-Identifier: GPL-2.0
/*
 * An rwlock read both in the interrupt handler and in process context with
 * interrupts enabled. Readers do not exclude each other, and a reader in
 * interrupt context gets the lock even with a writer waiting (qrwlock), so
 * the plain read_lock() in gpx_lookup() cannot deadlock against the
 * handler. The only writer disables interrupts.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define GPX_PENDING	0x00

struct gpx {
	rwlock_t map_lock;		/* irq_map */
	void __iomem *regs;
	unsigned int irq_map[32];
	int irq;
};

void gpx_dispatch(unsigned int virq);

static irqreturn_t gpx_irq(int irq, void *dev_id)
{
	struct gpx *g = dev_id;
	unsigned long pending = readl(g->regs + GPX_PENDING);
	unsigned int bit;

	read_lock(&g->map_lock);
	for_each_set_bit(bit, &pending, 32)
		gpx_dispatch(g->irq_map[bit]);
	read_unlock(&g->map_lock);
	return IRQ_HANDLED;
}

unsigned int gpx_lookup(struct gpx *g, unsigned int hwirq)
{
	unsigned int virq;

	read_lock(&g->map_lock);
	virq = g->irq_map[hwirq];
	read_unlock(&g->map_lock);
	return virq;
}

void gpx_map(struct gpx *g, unsigned int hwirq, unsigned int virq)
{
	unsigned long flags;

	write_lock_irqsave(&g->map_lock, flags);
	g->irq_map[hwirq] = virq;
	write_unlock_irqrestore(&g->map_lock, flags);
}

int gpx_init(struct gpx *g)
{
	rwlock_init(&g->map_lock);
	return request_irq(g->irq, gpx_irq, 0, "gpx", g);
}
