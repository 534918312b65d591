/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UEP_H
#define _UEP_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct udc;

struct uep {
	spinlock_t lock;		/* queue, halted */
	struct udc *udc;
	struct list_head queue;
	bool halted;
};

struct udc {
	spinlock_t lock;		/* address, config, eps_enabled */
	struct uep ep0;
	struct uep eps[15];
	unsigned int address;
	unsigned int config;
	unsigned long eps_enabled;
};

/* uep_ctrl.c */
void uep_ctrl_init(struct udc *udc);

#endif /* _UEP_H */
