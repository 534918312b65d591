// SPDX-License-Identifier: GPL-2.0
/*
 * Applying a mux setting releases the pins it takes from the GPIO block,
 * under the GPIO lock.
 */
#include <linux/io.h>
#include "pmx.h"

#define PMX_REG_MUX		0x00
#define PMX_REG_LEGACY_MUX	0x40

void pmx_apply_groups(struct pmx *p)
{
	struct pmx_gpio *gpio = p->gpio;

	spin_lock(&gpio->lock);
	gpio->requested &= ~p->mux;
	spin_unlock(&gpio->lock);
	writel(p->mux, p->base + PMX_REG_MUX);
}

void pmx_apply_legacy(struct pmx *p)
{
	writel(p->mux, p->base + PMX_REG_LEGACY_MUX);
}
