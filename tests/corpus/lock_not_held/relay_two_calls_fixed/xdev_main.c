// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the mode setter commits while it still holds cfg_lock.
 */
#include "xdev.h"

void xdev_set_mode(struct xdev *xd, unsigned int mode)
{
	mutex_lock(&xd->cfg_lock);
	xd->pending_mode = mode;
	xdev_commit(xd);
	mutex_unlock(&xd->cfg_lock);
}
