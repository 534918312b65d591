// SPDX-License-Identifier: GPL-2.0
/*
 * Data endpoints: configuration changes halt every enabled endpoint under
 * the controller lock — udc->lock, then the endpoint's lock, of the
 * default class.
 */
#include <linux/bitops.h>
#include "uep.h"

void uep_data_set_config(struct udc *udc, unsigned int config)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&udc->lock, flags);
	udc->config = config;
	for_each_set_bit(i, &udc->eps_enabled, 15) {
		struct uep *ep = &udc->eps[i];

		spin_lock(&ep->lock);
		ep->halted = true;
		spin_unlock(&ep->lock);
	}
	spin_unlock_irqrestore(&udc->lock, flags);
}
