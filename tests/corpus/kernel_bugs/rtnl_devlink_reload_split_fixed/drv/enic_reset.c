// SPDX-License-Identifier: GPL-2.0
/* Firmware reset: runs from the health poller's work item. */
#include <linux/workqueue.h>
#include "enic.h"

static void enic_fw_reset_work(struct work_struct *work)
{
	struct enic_dev *edev = container_of(work, struct enic_dev,
					     fw_reset_work);

	rtnl_lock();
	enic_cfg_lock(edev);
	edev->fw_dead = true;
	__enic_detach_netdev(edev);
	if (!enic_fw_reinit(edev))
		edev->fw_dead = false;
	enic_cfg_unlock(edev);
	if (!edev->fw_dead)
		__enic_attach_netdev(edev);
	rtnl_unlock();
}

void enic_init_reset(struct enic_dev *edev)
{
	INIT_WORK(&edev->fw_reset_work, enic_fw_reset_work);
}
