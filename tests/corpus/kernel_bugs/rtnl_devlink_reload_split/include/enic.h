/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ENIC_H_
#define _ENIC_H_

#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/workqueue.h>

struct enic_dev {
	struct net_device *netdev;
	struct mutex cfg_mutex;		/* queue layout, fw_state */
	struct work_struct fw_reset_work;
	unsigned int num_qs;
	bool fw_dead;
};

#define enic_cfg_lock(e)	mutex_lock(&(e)->cfg_mutex)
#define enic_cfg_unlock(e)	mutex_unlock(&(e)->cfg_mutex)

int enic_reconfigure(struct enic_dev *edev, unsigned int num_qs);
void enic_detach_netdev(struct enic_dev *edev);
void enic_attach_netdev(struct enic_dev *edev);
int enic_hw_set_qs(struct enic_dev *edev, unsigned int num_qs);
int enic_fw_reinit(struct enic_dev *edev);

#endif
