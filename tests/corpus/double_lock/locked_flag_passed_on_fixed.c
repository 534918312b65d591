// SPDX-License-Identifier: GPL-2.0
/*
 * The reset takes RTNL unless told its caller holds it; the service task
 * passes its own flag on without testing it. The ethtool path holds RTNL
 * and says so: RTNL is taken once.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

struct fxp {
	struct net_device *netdev;
	unsigned long state;
};

static void fxp_reset(struct fxp *pf, bool lock_acquired)
{
	if (!lock_acquired)
		rtnl_lock();
	pf->state = 0;
	netif_carrier_off(pf->netdev);
	if (!lock_acquired)
		rtnl_unlock();
}

static void fxp_do_reset(struct fxp *pf, bool lock_acquired)
{
	pf->state |= 1;
	fxp_reset(pf, lock_acquired);
}

void fxp_service_task(struct fxp *pf)
{
	fxp_do_reset(pf, false);
}

void fxp_ethtool_reset(struct fxp *pf)
{
	rtnl_lock();
	fxp_do_reset(pf, true);
	rtnl_unlock();
}
