// SPDX-License-Identifier: GPL-2.0
/*
 * A GPIO expander with a register cache under chip->lock and an IRQ mask
 * under chip->irq_lock. Unmasking takes irq_lock then lock; setting an
 * output still holds lock when it takes irq_lock to update the edge
 * detection: the inversion. foo_gpio_set_dir() drops lock on both branches
 * before it takes irq_lock, which orders nothing.
 */
#include <linux/bits.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct foo_gpio {
	spinlock_t lock;		/* out_cache, dir_cache */
	spinlock_t irq_lock;		/* irq_mask, edge_cache */
	u32 out_cache;
	u32 dir_cache;
	u32 irq_mask;
	u32 edge_cache;
};

static void foo_gpio_irq_unmask(struct foo_gpio *chip, unsigned int hwirq)
{
	spin_lock(&chip->irq_lock);
	chip->irq_mask &= ~BIT(hwirq);
	spin_lock(&chip->lock);
	chip->dir_cache &= ~BIT(hwirq);
	spin_unlock(&chip->lock);
	spin_unlock(&chip->irq_lock);
}

static void foo_gpio_set(struct foo_gpio *chip, unsigned int offset, int value)
{
	spin_lock(&chip->lock);
	if (value)
		chip->out_cache |= BIT(offset);
	else
		chip->out_cache &= ~BIT(offset);
	spin_lock(&chip->irq_lock);	//~ lock-order-cycle
	chip->edge_cache = chip->out_cache;
	spin_unlock(&chip->irq_lock);
	spin_unlock(&chip->lock);
}

static int foo_gpio_set_dir(struct foo_gpio *chip, unsigned int offset, bool out)
{
	u32 dir;

	spin_lock(&chip->lock);
	if (out) {
		chip->dir_cache |= BIT(offset);
		dir = chip->dir_cache;
		spin_unlock(&chip->lock);
	} else {
		dir = chip->dir_cache & ~BIT(offset);
		chip->dir_cache = dir;
		spin_unlock(&chip->lock);
	}

	spin_lock(&chip->irq_lock);
	chip->irq_mask |= dir;
	spin_unlock(&chip->irq_lock);
	return 0;
}
