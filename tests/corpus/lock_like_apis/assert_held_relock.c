// SPDX-License-Identifier: GPL-2.0
/*
 * lockorder-corpus: known-gap(#11) ASSERT_RTNL() and mmap_assert_locked(mm) name their lock implicitly; the assert_held rules take the lock from argument 0 only
 * Helpers that state, with the lock-like APIs' own assertions, that their
 * caller holds the lock, and then take it again. ASSERT_RTNL() says RTNL
 * is held on entry, so the rtnl_lock() below it waits for the caller;
 * mmap_assert_locked(mm) says the mmap_lock is held (at least for
 * reading), so the mmap_read_lock() below it is a recursive read that a
 * queued writer turns into a self-deadlock. Both were left behind when the
 * callers started holding the locks.
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

	rtnl_lock();	//~ double-lock
	netif_set_real_num_tx_queues(priv->netdev, priv->nr_vfs + 1);
	netdev_update_features(priv->netdev);
	rtnl_unlock();
}

bool vfx_user_range_ok(struct vfx_priv *priv, struct mm_struct *mm,
		       unsigned long len)
{
	struct vm_area_struct *vma;
	bool ok;

	mmap_assert_locked(mm);

	mmap_read_lock(mm);	//~ double-lock
	vma = vma_lookup(mm, priv->user_base);
	ok = vma && priv->user_base + len <= vma->vm_end;
	mmap_read_unlock(mm);
	return ok;
}
