// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware flashing holds the state mutex for the whole update and
 * detaches the netdev through the helper in sxe_main.c, which takes RTNL:
 * state_lock -> rtnl_mutex here, rtnl_mutex -> state_lock in the reset
 * worker and the admin-state store of sxe_main.c.
 */
#include <linux/errno.h>
#include "sxe.h"

int sxe_devlink_flash_update(struct sxe_priv *priv, const char *name)
{
	int err;

	mutex_lock(&priv->state_lock);
	sxe_netdev_detach(priv);	//~ lock-order-cycle
	priv->fw_loaded = false;
	err = sxe_fw_flash(priv, name);
	if (!err)
		priv->fw_loaded = true;
	mutex_unlock(&priv->state_lock);
	sxe_netdev_attach(priv);
	return err;
}
