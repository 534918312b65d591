// SPDX-License-Identifier: GPL-2.0
/*
 * scoped_guard() without braces guards exactly one statement, which may be
 * another scoped_guard(). Unmasking an interrupt nests hw_lock inside
 * dev->lock that way; the watchdog takes hw_lock then lock explicitly.
 */
#include <linux/bits.h>
#include <linux/cleanup.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define FOO_INT_MASK	0x08
#define FOO_WDT_KICK	0x0c

struct foo_chip {
	spinlock_t lock;		/* irq_mask, kicks */
	spinlock_t hw_lock;		/* MMIO window */
	void __iomem *base;
	u32 irq_mask;
	unsigned int kicks;
};

static void foo_write_mask(struct foo_chip *chip, u32 mask)
{
	chip->irq_mask = mask;
	writel(mask, chip->base + FOO_INT_MASK);
}

static void foo_irq_unmask(struct foo_chip *chip, unsigned int hwirq)
{
	scoped_guard(spinlock_irqsave, &chip->lock)
		scoped_guard(spinlock, &chip->hw_lock)
			foo_write_mask(chip, chip->irq_mask & ~BIT(hwirq));
}

static void foo_wdt_kick(struct foo_chip *chip)
{
	unsigned long flags;

	spin_lock_irqsave(&chip->hw_lock, flags);
	writel(1, chip->base + FOO_WDT_KICK);
	spin_lock(&chip->lock);	//~ lock-order-cycle
	chip->kicks++;
	spin_unlock(&chip->lock);
	spin_unlock_irqrestore(&chip->hw_lock, flags);
}
