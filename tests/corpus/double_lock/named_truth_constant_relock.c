// SPDX-License-Identifier: GPL-2.0
/*
 * A link check that takes the queue mutex itself when its caller may
 * sleep and otherwise defers to a work item, the way ionic's
 * ionic_link_status_check_request() does. Callers pass named truth values.
 * The reconfiguration path holds the queue mutex but passes NIC_CAN_SLEEP,
 * so the check runs inline and takes the mutex a second time.
 */
#include <linux/mutex.h>
#include <linux/workqueue.h>

#define NIC_CAN_SLEEP		true
#define NIC_CAN_NOT_SLEEP	false

struct nic_lif {
	struct mutex queue_lock;	/* queue start and stop */
	struct work_struct link_work;
	bool link_up;
};

int nic_start_queues(struct nic_lif *lif);

static void nic_link_check(struct nic_lif *lif)
{
	mutex_lock(&lif->queue_lock);
	if (lif->link_up)
		nic_start_queues(lif);
	mutex_unlock(&lif->queue_lock);
}

static void nic_link_check_request(struct nic_lif *lif, bool can_sleep)
{
	if (!can_sleep)
		schedule_work(&lif->link_work);
	else
		nic_link_check(lif);
}

int nic_change_mtu(struct nic_lif *lif)
{
	int err;

	mutex_lock(&lif->queue_lock);
	err = nic_start_queues(lif);
	nic_link_check_request(lif, NIC_CAN_SLEEP);	//~ double-lock
	mutex_unlock(&lif->queue_lock);
	return err;
}
