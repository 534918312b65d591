// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rtnl_split_driver/src/sxe_devlink.c: firmware
 * flashing detaches the netdev (taking and dropping RTNL) before it takes
 * the state mutex, and attaches it again after dropping the mutex, so
 * RTNL is never taken under state_lock.
 */
#include <linux/errno.h>
#include "sxe.h"

int sxe_devlink_flash_update(struct sxe_priv *priv, const char *name)
{
	int err;

	sxe_netdev_detach(priv);
	mutex_lock(&priv->state_lock);
	priv->fw_loaded = false;
	err = sxe_fw_flash(priv, name);
	if (!err)
		priv->fw_loaded = true;
	mutex_unlock(&priv->state_lock);
	sxe_netdev_attach(priv);
	return err;
}
