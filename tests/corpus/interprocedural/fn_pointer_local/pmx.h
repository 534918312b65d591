/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _PMX_H
#define _PMX_H

#include <linux/spinlock.h>
#include <linux/types.h>

struct pmx_gpio {
	spinlock_t lock;		/* dir, requested */
	u32 dir;
	u32 requested;
	void __iomem *base;
	struct pmx *pmx;
};

struct pmx {
	spinlock_t lock;		/* mux settings */
	struct pmx_gpio *gpio;
	u32 mux;
	bool legacy;
	void __iomem *base;
};

/* pmx_apply.c */
void pmx_apply_groups(struct pmx *p);
void pmx_apply_legacy(struct pmx *p);

#endif /* _PMX_H */
