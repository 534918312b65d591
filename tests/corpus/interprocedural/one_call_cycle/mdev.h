/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MDEV_H
#define _MDEV_H

#include <linux/spinlock.h>
#include <linux/types.h>

struct mdev {
	spinlock_t irq_lock;		/* irq_mask, pending */
	spinlock_t state_lock;		/* state */
	u32 irq_mask;
	u32 pending;
	unsigned int state;
	void __iomem *regs;
};

#define MDEV_STATE_RUNNING	1
#define MDEV_STATE_ERROR	2
#define MDEV_STATE_SUSPENDED	3

/* mdev_state.c */
void mdev_set_state(struct mdev *md, unsigned int state);

#endif /* _MDEV_H */
