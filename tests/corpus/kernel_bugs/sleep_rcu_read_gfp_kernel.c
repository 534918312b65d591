// SPDX-License-Identifier: GPL-2.0
/*
 * A GFP_KERNEL allocation inside an RCU read-side critical section.
 *
 * Dumping the per-port VLAN table walks the bridge's port list under
 * rcu_read_lock() and, for each port, builds a netlink attribute buffer
 * with brx_vlan_fill(), which allocates it with GFP_KERNEL. Sleeping in
 * an RCU read-side section is illegal (and on non-preemptible kernels it
 * is a context switch with preemption disabled).
 *
 * Modelled on the networking fixes that replaced GFP_KERNEL by GFP_ATOMIC
 * in a dump or notify path running under rcu_read_lock() ("...: use
 * GFP_ATOMIC under rcu_read_lock" style fixes in bridge, bonding and
 * net/sched; no exact subject recalled).
 */
#include <linux/list.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct brx_port {
	struct list_head list;
	u16 pvid;
	unsigned long vlan_bitmap[4096 / BITS_PER_LONG];
};

struct brx_bridge {
	struct list_head port_list;
};

int brx_send_vlan_msg(struct brx_port *p, void *buf, size_t len);

static void *brx_vlan_fill(struct brx_port *p, size_t *len)
{
	void *buf;

	*len = sizeof(p->vlan_bitmap) + sizeof(p->pvid);
	buf = kmalloc(*len, GFP_KERNEL);
	if (!buf)
		return NULL;
	memcpy(buf, p->vlan_bitmap, sizeof(p->vlan_bitmap));
	return buf;
}

int brx_dump_vlans(struct brx_bridge *br)
{
	struct brx_port *p;
	size_t len;
	void *buf;
	int err = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(p, &br->port_list, list) {
		buf = brx_vlan_fill(p, &len);	//~ sleep-in-atomic
		if (!buf) {
			err = -ENOMEM;
			break;
		}
		err = brx_send_vlan_msg(p, buf, len);
		kfree(buf);
		if (err)
			break;
	}
	rcu_read_unlock();
	return err;
}
