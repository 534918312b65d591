// SPDX-License-Identifier: GPL-2.0
/*
 * The register side: programming the mode requires cfg_lock, which the
 * helper asserts.
 */
#include <linux/io.h>
#include <linux/lockdep.h>
#include "xdev.h"

#define XDEV_REG_MODE	0x10

void xdev_apply_config(struct xdev *xd)
{
	lockdep_assert_held(&xd->cfg_lock);

	writel(xd->pending_mode, xd->regs + XDEV_REG_MODE);
	xd->mode = xd->pending_mode;
}
