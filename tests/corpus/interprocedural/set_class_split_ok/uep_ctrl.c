// SPDX-License-Identifier: GPL-2.0
/*
 * The control endpoint's lock gets a class of its own: a SETUP completion
 * runs with ep0's lock held and applies the new address under the
 * controller lock (ep0 lock, then udc->lock), while the data endpoints are
 * always locked inside udc->lock (uep_data.c). With one class for all
 * endpoint locks lockdep would see udc->lock -> uep::lock -> udc->lock;
 * lockdep_set_class() in this file makes ep0's lock another class, and
 * there is no cycle.
 */
#include <linux/lockdep.h>
#include "uep.h"

static struct lock_class_key uep_ctrl_lock_key;

void uep_ctrl_init(struct udc *udc)
{
	struct uep *ep0 = &udc->ep0;

	spin_lock_init(&ep0->lock);
	lockdep_set_class(&ep0->lock, &uep_ctrl_lock_key);
	INIT_LIST_HEAD(&ep0->queue);
	ep0->udc = udc;
}

void uep_ctrl_set_address(struct uep *ep0, unsigned int address)
{
	struct udc *udc = ep0->udc;
	unsigned long flags;

	spin_lock_irqsave(&ep0->lock, flags);
	spin_lock(&udc->lock);
	udc->address = address;
	spin_unlock(&udc->lock);
	spin_unlock_irqrestore(&ep0->lock, flags);
}
