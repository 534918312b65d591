// SPDX-License-Identifier: GPL-2.0
/*
 * The GPIO side: requesting a line as a GPIO clears its mux bit while the
 * GPIO lock is held — gpio->lock, then pmx->lock.
 */
#include <linux/bits.h>
#include "pmx.h"

int pmx_gpio_request(struct pmx_gpio *gpio, unsigned int offset)
{
	struct pmx *p = gpio->pmx;

	spin_lock(&gpio->lock);
	if (gpio->requested & BIT(offset)) {
		spin_unlock(&gpio->lock);
		return -EBUSY;
	}
	gpio->requested |= BIT(offset);
	spin_lock(&p->lock);	//~ lock-order-cycle
	p->mux &= ~BIT(offset);
	spin_unlock(&p->lock);
	spin_unlock(&gpio->lock);
	return 0;
}
