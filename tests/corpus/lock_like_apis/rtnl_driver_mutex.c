// SPDX-License-Identifier: GPL-2.0
/*
 * A NIC driver with its own configuration mutex. The reset worker and the
 * sysfs queue-count store take rtnl_lock() and then priv->cfg_lock, the
 * order the stack imposes (ndo callbacks run under RTNL and take cfg_lock
 * inside). The firmware event worker takes cfg_lock first and only then
 * rtnl_lock() to detach the device: with a reset queued on another CPU,
 * each worker holds the lock the other one waits for.
 */
#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/workqueue.h>

#define FXNIC_MAX_QUEUES	16

struct fxnic_priv {
	struct net_device *netdev;
	struct mutex cfg_lock;		/* queue layout, firmware state */
	struct work_struct reset_task;
	struct work_struct fw_event_task;
	unsigned int num_queues;
	bool fw_dead;
};

int fxnic_hw_reset(struct fxnic_priv *priv);
int fxnic_hw_set_queues(struct fxnic_priv *priv, unsigned int n);

static void fxnic_reset_task(struct work_struct *work)
{
	struct fxnic_priv *priv = container_of(work, struct fxnic_priv,
					       reset_task);

	rtnl_lock();
	mutex_lock(&priv->cfg_lock);
	if (netif_running(priv->netdev))
		fxnic_hw_reset(priv);
	mutex_unlock(&priv->cfg_lock);
	rtnl_unlock();
}

static ssize_t num_queues_store(struct device *dev,
				struct device_attribute *attr,
				const char *buf, size_t count)
{
	struct fxnic_priv *priv = dev_get_drvdata(dev);
	unsigned int n;
	int ret;

	ret = kstrtouint(buf, 0, &n);
	if (ret)
		return ret;
	if (!n || n > FXNIC_MAX_QUEUES)
		return -EINVAL;

	rtnl_lock();
	mutex_lock(&priv->cfg_lock);
	ret = fxnic_hw_set_queues(priv, n);
	if (!ret)
		priv->num_queues = n;
	mutex_unlock(&priv->cfg_lock);
	rtnl_unlock();

	return ret ? ret : count;
}

static void fxnic_fw_event_task(struct work_struct *work)
{
	struct fxnic_priv *priv = container_of(work, struct fxnic_priv,
					       fw_event_task);

	mutex_lock(&priv->cfg_lock);
	priv->fw_dead = true;
	rtnl_lock();	//~ lock-order-cycle
	netif_device_detach(priv->netdev);
	rtnl_unlock();
	mutex_unlock(&priv->cfg_lock);
}
