// SPDX-License-Identifier: GPL-2.0
/*
 * A threaded interrupt: the primary handler (argument 1 of
 * request_threaded_irq()) only checks the source and wakes the thread; the
 * thread function (argument 2) runs in process context and may take a
 * mutex and sleep while it talks to the chip over a slow bus.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/mutex.h>

#define PMC_IRQ_STATUS	0x00
#define PMC_IRQ_ACK	0x04

struct pmc {
	struct mutex lock;		/* bus access */
	void __iomem *regs;
	int irq;
	unsigned int events;
};

u32 pmc_bus_read(struct pmc *pmc, u32 reg);
void pmc_bus_write(struct pmc *pmc, u32 reg, u32 val);

static irqreturn_t pmc_irq(int irq, void *data)
{
	struct pmc *pmc = data;

	if (!readl(pmc->regs + PMC_IRQ_STATUS))
		return IRQ_NONE;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t pmc_irq_thread(int irq, void *data)
{
	struct pmc *pmc = data;
	u32 status;

	mutex_lock(&pmc->lock);
	status = pmc_bus_read(pmc, PMC_IRQ_STATUS);
	msleep(2);
	pmc_bus_write(pmc, PMC_IRQ_ACK, status);
	pmc->events++;
	mutex_unlock(&pmc->lock);
	return IRQ_HANDLED;
}

int pmc_init_irq(struct pmc *pmc)
{
	mutex_init(&pmc->lock);
	return request_threaded_irq(pmc->irq, pmc_irq, pmc_irq_thread,
				    IRQF_ONESHOT, "pmc", pmc);
}
