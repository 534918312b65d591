// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of scoped_guard_single_stmt.c: the watchdog's braceless
 * scoped_guard() holds hw_lock for the writel() alone, so hw_lock is free
 * again when the next statement takes dev->lock.
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

	scoped_guard(spinlock_irqsave, &chip->hw_lock)
		writel(1, chip->base + FOO_WDT_KICK);
	spin_lock_irqsave(&chip->lock, flags);
	chip->kicks++;
	spin_unlock_irqrestore(&chip->lock, flags);
}
