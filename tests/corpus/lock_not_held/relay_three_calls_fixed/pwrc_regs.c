// SPDX-License-Identifier: GPL-2.0
/*
 * Register access of the power controller: the enable register is shared
 * by all rails, so the read-modify-write needs the chip lock.
 */
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/lockdep.h>
#include "pwrc.h"

#define PWRC_REG_ENABLE	0x00

void pwrc_write_enable(struct pwrc_chip *chip, unsigned int id, bool on)
{
	u32 val;

	lockdep_assert_held(&chip->lock);

	val = readl(chip->base + PWRC_REG_ENABLE);
	if (on)
		val |= BIT(id);
	else
		val &= ~BIT(id);
	writel(val, chip->base + PWRC_REG_ENABLE);
}
