// SPDX-License-Identifier: GPL-2.0
/*
 * A return inside `scoped_guard(mutex, &m) { ... }` releases the guarded
 * mutex — that part is fine. But the block also takes irq_lock by hand,
 * and the "device gone" return leaves it held: the guard only covers
 * cfg_lock.
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
		spin_lock_irq(&adc->irq_lock);
		if (adc->dead)
			return -ENODEV;	//~ unreleased-lock
		adc->irq_mask = mask;
		writel(mask, adc->regs + ADCX_IRQ_MASK);
		spin_unlock_irq(&adc->irq_lock);
	}
	return 0;
}
