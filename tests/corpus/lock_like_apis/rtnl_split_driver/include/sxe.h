/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared definitions of the sxe NIC driver: the private structure with
 * its state mutex, and the netdev helpers src/sxe_main.c provides to the
 * devlink code in src/sxe_devlink.c.
 */
#ifndef _SXE_H
#define _SXE_H

#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/workqueue.h>

struct sxe_priv {
	struct net_device *netdev;
	struct mutex state_lock;	/* hw state, fw_loaded */
	struct work_struct reset_work;
	bool fw_loaded;
	bool up;
};

void sxe_netdev_detach(struct sxe_priv *priv);
void sxe_netdev_attach(struct sxe_priv *priv);
int sxe_hw_reset(struct sxe_priv *priv);
int sxe_fw_flash(struct sxe_priv *priv, const char *name);

#endif /* _SXE_H */
