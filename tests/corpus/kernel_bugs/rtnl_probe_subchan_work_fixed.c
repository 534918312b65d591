// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of rtnl_probe_subchan_work.c: probe takes RTNL before the
 * driver's own mutex, the order the sub-channel work uses.
 *
 * Probe takes ndc->lock to publish the new device and then rtnl_lock() to
 * register the netdev and set its real queue count. The sub-channel work,
 * queued by probe and run on the system workqueue, takes rtnl_lock() first
 * and then ndc->lock to attach the extra channels. If the work runs while
 * probe is between its two acquisitions, each holds the lock the other
 * waits for.
 *
 * Modelled on the hv_netvsc fix "hv_netvsc: Fix a deadlock by getting rtnl
 * lock earlier in netvsc_probe()": the fix takes RTNL before the driver's
 * own lock in probe, the order every other path uses.
 */
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct pvnet_ctx {
	struct net_device *ndev;
	struct mutex lock;		/* nr_chan, chan[] */
	struct work_struct subchan_work;
	unsigned int nr_chan;
	unsigned int want_chan;
	void *chan[16];
};

int pvnet_open_channel(struct pvnet_ctx *ndc, unsigned int idx);

static void pvnet_subchan_work(struct work_struct *w)
{
	struct pvnet_ctx *ndc = container_of(w, struct pvnet_ctx, subchan_work);
	unsigned int i;

	rtnl_lock();
	mutex_lock(&ndc->lock);
	for (i = ndc->nr_chan; i < ndc->want_chan; i++)
		if (pvnet_open_channel(ndc, i))
			break;
	ndc->nr_chan = i;
	netif_set_real_num_tx_queues(ndc->ndev, i);
	mutex_unlock(&ndc->lock);
	rtnl_unlock();
}

int pvnet_probe(struct pvnet_ctx *ndc, unsigned int want_chan)
{
	int ret;

	INIT_WORK(&ndc->subchan_work, pvnet_subchan_work);
	mutex_init(&ndc->lock);

	rtnl_lock();
	mutex_lock(&ndc->lock);
	ndc->nr_chan = 1;
	ndc->want_chan = want_chan;
	ret = register_netdevice(ndc->ndev);
	if (!ret)
		netif_set_real_num_tx_queues(ndc->ndev, 1);
	mutex_unlock(&ndc->lock);
	rtnl_unlock();

	if (!ret)
		schedule_work(&ndc->subchan_work);
	return ret;
}
