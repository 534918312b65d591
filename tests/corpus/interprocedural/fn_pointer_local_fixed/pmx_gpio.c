// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: requesting a line takes the mux lock before the GPIO lock,
 * the order the commit path uses through its function pointer.
 */
#include <linux/bits.h>
#include "pmx.h"

int pmx_gpio_request(struct pmx_gpio *gpio, unsigned int offset)
{
	struct pmx *p = gpio->pmx;
	int ret = 0;

	spin_lock(&p->lock);
	spin_lock(&gpio->lock);
	if (gpio->requested & BIT(offset)) {
		ret = -EBUSY;
	} else {
		gpio->requested |= BIT(offset);
		p->mux &= ~BIT(offset);
	}
	spin_unlock(&gpio->lock);
	spin_unlock(&p->lock);
	return ret;
}
