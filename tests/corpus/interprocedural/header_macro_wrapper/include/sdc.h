/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SDC_H
#define _SDC_H

#include <linux/spinlock.h>
#include <linux/types.h>

struct sdc_card;

struct sdc_host {
	spinlock_t lock;		/* host registers, claimed */
	struct sdc_card *card;
	bool claimed;
	void __iomem *base;
};

struct sdc_card {
	spinlock_t lock;		/* state, rca */
	struct sdc_host *host;
	unsigned int state;
	u16 rca;
};

/* Host lock wrappers: every user of the host registers goes through these. */
#define sdc_host_lock(h, flags)		spin_lock_irqsave(&(h)->lock, flags)
#define sdc_host_unlock(h, flags)	spin_unlock_irqrestore(&(h)->lock, flags)

#endif /* _SDC_H */
