// SPDX-License-Identifier: GPL-2.0
/* Queue configuration helpers shared by devlink, ethtool and reset. */
#include <linux/rtnetlink.h>
#include "enic.h"

int enic_reconfigure(struct enic_dev *edev, unsigned int num_qs)
{
	int err;

	enic_cfg_lock(edev);
	err = enic_hw_set_qs(edev, num_qs);
	if (!err)
		edev->num_qs = num_qs;
	enic_cfg_unlock(edev);
	return err;
}

/* Callers hold RTNL. */
void __enic_detach_netdev(struct enic_dev *edev)
{
	if (netif_running(edev->netdev))
		dev_close(edev->netdev);
	netif_device_detach(edev->netdev);
}

void __enic_attach_netdev(struct enic_dev *edev)
{
	netif_device_attach(edev->netdev);
}

void enic_detach_netdev(struct enic_dev *edev)
{
	rtnl_lock();
	__enic_detach_netdev(edev);
	rtnl_unlock();
}

void enic_attach_netdev(struct enic_dev *edev)
{
	rtnl_lock();
	__enic_attach_netdev(edev);
	rtnl_unlock();
}
