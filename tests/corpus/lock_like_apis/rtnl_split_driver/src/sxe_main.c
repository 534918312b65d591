// SPDX-License-Identifier: GPL-2.0
/*
 * The netdev side of the driver: the reset worker and the admin-state
 * store take RTNL and then the state mutex. The detach/attach helpers
 * take RTNL themselves, for callers that do not hold it.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/rtnetlink.h>
#include "sxe.h"

void sxe_netdev_detach(struct sxe_priv *priv)
{
	rtnl_lock();
	if (netif_running(priv->netdev))
		dev_close(priv->netdev);
	netif_device_detach(priv->netdev);
	rtnl_unlock();
}

void sxe_netdev_attach(struct sxe_priv *priv)
{
	rtnl_lock();
	netif_device_attach(priv->netdev);
	if (priv->up)
		dev_open(priv->netdev, NULL);
	rtnl_unlock();
}

static void sxe_reset_work(struct work_struct *work)
{
	struct sxe_priv *priv = container_of(work, struct sxe_priv,
					     reset_work);

	rtnl_lock();
	mutex_lock(&priv->state_lock);
	if (priv->fw_loaded && netif_running(priv->netdev))
		sxe_hw_reset(priv);
	mutex_unlock(&priv->state_lock);
	rtnl_unlock();
}

static ssize_t admin_up_store(struct device *dev,
			      struct device_attribute *attr,
			      const char *buf, size_t count)
{
	struct sxe_priv *priv = dev_get_drvdata(dev);
	bool up;
	int ret;

	ret = kstrtobool(buf, &up);
	if (ret)
		return ret;

	rtnl_lock();
	mutex_lock(&priv->state_lock);
	priv->up = up;
	mutex_unlock(&priv->state_lock);
	if (up && !netif_running(priv->netdev))
		ret = dev_open(priv->netdev, NULL);
	else if (!up && netif_running(priv->netdev))
		dev_close(priv->netdev);
	rtnl_unlock();
	return ret ? ret : count;
}

void sxe_init_reset(struct sxe_priv *priv)
{
	INIT_WORK(&priv->reset_work, sxe_reset_work);
}
