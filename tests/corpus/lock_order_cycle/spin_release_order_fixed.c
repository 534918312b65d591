// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of spin_release_order.c: setting an output updates the
 * cache under chip->lock, releases it, and only then takes chip->irq_lock.
 * A lock released before the next one is taken orders nothing, on a
 * straight line (foo_gpio_set()) or on every branch (foo_gpio_set_dir()).
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
	u32 out;

	spin_lock(&chip->lock);
	if (value)
		chip->out_cache |= BIT(offset);
	else
		chip->out_cache &= ~BIT(offset);
	out = chip->out_cache;
	spin_unlock(&chip->lock);

	spin_lock(&chip->irq_lock);
	chip->edge_cache = out;
	spin_unlock(&chip->irq_lock);
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
