// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping in a hard interrupt handler registered with request_irq(): the
 * ADC raises its interrupt when a conversion starts, and the handler waits
 * for the result with usleep_range(). A hardirq handler may not sleep.
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
		usleep_range(20, 40);	//~ sleep-in-atomic
	if (!tries)
		return IRQ_NONE;
	adc->last_sample = readl(adc->regs + QADC_DATA);
	return IRQ_HANDLED;
}

int qadc_setup_irq(struct qadc *adc)
{
	return request_irq(adc->irq, qadc_irq, 0, "qadc", adc);
}
