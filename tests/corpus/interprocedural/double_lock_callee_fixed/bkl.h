/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _BKL_H
#define _BKL_H

#include <linux/mutex.h>

struct bkl_dev {
	struct mutex lock;		/* brightness, max, power */
	unsigned int brightness;
	unsigned int max;
	bool power;
	void __iomem *regs;
};

/* bkl_hw.c */
void bkl_update_status(struct bkl_dev *d);

#endif /* _BKL_H */
