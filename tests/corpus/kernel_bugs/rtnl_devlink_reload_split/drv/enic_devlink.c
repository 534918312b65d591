// SPDX-License-Identifier: GPL-2.0
/*
 * A multi-file RTNL / driver-mutex inversion.
 *
 * devlink reload (this file) takes rtnl_lock() and then reconfigures the
 * queues through enic_reconfigure() (enic_cfg.c), which takes cfg_mutex
 * through the header's enic_cfg_lock() macro: RTNL -> cfg_mutex, the order
 * the ndo and ethtool callbacks also use. The firmware reset work
 * (enic_reset.c) takes cfg_mutex and calls enic_detach_netdev()
 * (enic_cfg.c), which takes rtnl_lock(): cfg_mutex -> RTNL. No single
 * function shows both locks.
 *
 * Modelled on the firmware-reset deadlocks of NIC drivers that were
 * fixed by taking RTNL before the driver's configuration lock in the
 * reset path (a shape seen in several bnxt_en and ice reset fixes; no
 * exact subject line recalled).
 */
#include <net/devlink.h>
#include <linux/rtnetlink.h>
#include "enic.h"

static int enic_devlink_reload_up(struct devlink *dl,
				  enum devlink_reload_action action,
				  enum devlink_reload_limit limit,
				  u32 *actions_performed,
				  struct netlink_ext_ack *extack)
{
	struct enic_dev *edev = devlink_priv(dl);
	int err;

	rtnl_lock();
	err = enic_reconfigure(edev, edev->num_qs);
	rtnl_unlock();
	return err;
}

const struct devlink_ops enic_devlink_ops = {
	.reload_up = enic_devlink_reload_up,
};
