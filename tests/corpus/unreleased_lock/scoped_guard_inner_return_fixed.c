// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of scoped_guard_inner_return.c: irq_lock is itself a
 * guard, so the early return inside the scoped_guard() block releases
 * both, innermost first.
 */
#include <linux/cleanup.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

#define ADCX_IRQ_MASK	0x18

struct adcx {
	struct mutex cfg_lock;		/* channel configuration */
	spinlock_t irq_lock;		/* IRQ mask register */
	void __iomem *regs;
	bool dead;
	u32 irq_mask;
};

int adcx_set_irq_mask(struct adcx *adc, u32 mask)
{
	scoped_guard(mutex, &adc->cfg_lock) {
		guard(spinlock_irq)(&adc->irq_lock);
		if (adc->dead)
			return -ENODEV;
		adc->irq_mask = mask;
		writel(mask, adc->regs + ADCX_IRQ_MASK);
	}
	return 0;
}
