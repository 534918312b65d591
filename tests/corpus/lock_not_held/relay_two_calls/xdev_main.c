// SPDX-License-Identifier: GPL-2.0
/*
 * The mode setter records the new mode under cfg_lock, drops it, and then
 * commits: the register helper two calls below runs without the lock.
 */
#include "xdev.h"

void xdev_set_mode(struct xdev *xd, unsigned int mode)
{
	mutex_lock(&xd->cfg_lock);
	xd->pending_mode = mode;
	mutex_unlock(&xd->cfg_lock);

	xdev_commit(xd);	//~ lock-not-held
}
