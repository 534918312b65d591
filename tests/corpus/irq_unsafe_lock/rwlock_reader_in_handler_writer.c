// SPDX-License-Identifier: GPL-2.0
/*
 * An rwlock read in the interrupt handler and write-locked in process
 * context with interrupts enabled. An interrupt arriving while this CPU
 * holds the write lock makes the handler's read_lock() spin forever.
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

void gpx_map(struct gpx *g, unsigned int hwirq, unsigned int virq)
{
	write_lock(&g->map_lock);	//~ irq-unsafe-lock
	g->irq_map[hwirq] = virq;
	write_unlock(&g->map_lock);
}

int gpx_init(struct gpx *g)
{
	rwlock_init(&g->map_lock);
	return request_irq(g->irq, gpx_irq, 0, "gpx", g);
}
