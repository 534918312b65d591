// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of assert_held_relock.c: the helpers keep their
 * assertions and rely on the caller's hold, as they say they do.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

struct vfx_priv {
	struct net_device *netdev;
	unsigned int nr_vfs;
	unsigned long user_base;
};

void vfx_sync_vf_count(struct vfx_priv *priv)
{
	ASSERT_RTNL();

	netif_set_real_num_tx_queues(priv->netdev, priv->nr_vfs + 1);
	netdev_update_features(priv->netdev);
}

bool vfx_user_range_ok(struct vfx_priv *priv, struct mm_struct *mm,
		       unsigned long len)
{
	struct vm_area_struct *vma;

	mmap_assert_locked(mm);

	vma = vma_lookup(mm, priv->user_base);
	return vma && priv->user_base + len <= vma->vm_end;
}
