/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HSM_H
#define _HSM_H

#include <linux/interrupt.h>
#include <linux/spinlock.h>

struct hsm_dev {
	spinlock_t stat_lock;		/* rx_bytes, rx_errors */
	void __iomem *regs;
	int irq;
	u64 rx_bytes;
	u64 rx_errors;
};

void hsm_account_rx(struct hsm_dev *hd, u32 len, bool err);
int hsm_setup_irq(struct hsm_dev *hd);

#endif /* _HSM_H */
