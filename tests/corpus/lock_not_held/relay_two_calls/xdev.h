/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _XDEV_H
#define _XDEV_H

#include <linux/mutex.h>

struct xdev {
	struct mutex cfg_lock;		/* mode, pending_mode, hw config */
	unsigned int mode;
	unsigned int pending_mode;
	void __iomem *regs;
};

/* xdev_hw.c */
void xdev_apply_config(struct xdev *xd);

/* xdev_cfg.c */
void xdev_commit(struct xdev *xd);

#endif /* _XDEV_H */
