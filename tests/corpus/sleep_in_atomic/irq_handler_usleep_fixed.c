// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of irq_handler_usleep.c: the handler busy-waits the few
 * microseconds a conversion takes with udelay(), which does not sleep.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/platform_device.h>

#define QADC_STATUS		0x00
#define QADC_STATUS_DONE	0x01
#define QADC_DATA		0x04

struct qadc {
	void __iomem *regs;
	int irq;
	u32 last_sample;
};

static irqreturn_t qadc_irq(int irq, void *dev_id)
{
	struct qadc *adc = dev_id;
	int tries = 10;

	while (!(readl(adc->regs + QADC_STATUS) & QADC_STATUS_DONE) && --tries)
		udelay(20);
	if (!tries)
		return IRQ_NONE;
	adc->last_sample = readl(adc->regs + QADC_DATA);
	return IRQ_HANDLED;
}

int qadc_setup_irq(struct qadc *adc)
{
	return request_irq(adc->irq, qadc_irq, 0, "qadc", adc);
}
