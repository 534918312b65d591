// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rtnl_error_path_leak.c: the firmware load failure
 * leaves through the same unlock label as the other errors.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

struct fxnic_priv {
	struct net_device *netdev;
	const char *fw_name;
	u32 fw_version;
};

int fxnic_fw_load(struct fxnic_priv *priv, const char *name);
int fxnic_hw_init(struct fxnic_priv *priv);

int fxnic_fw_reload(struct fxnic_priv *priv)
{
	struct net_device *netdev = priv->netdev;
	bool was_running;
	int err;

	rtnl_lock();
	was_running = netif_running(netdev);
	if (was_running)
		dev_close(netdev);
	netif_device_detach(netdev);

	err = fxnic_fw_load(priv, priv->fw_name);
	if (err) {
		netdev_err(netdev, "firmware reload failed: %d\n", err);
		goto out_unlock;
	}
	err = fxnic_hw_init(priv);
	if (err)
		goto out_unlock;

	netif_device_attach(netdev);
	if (was_running)
		err = dev_open(netdev, NULL);
out_unlock:
	rtnl_unlock();
	return err;
}
