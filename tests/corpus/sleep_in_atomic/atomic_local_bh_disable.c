// SPDX-License-Identifier: GPL-2.0
/*
 * A GFP_KERNEL allocation with bottom halves disabled. The flow cache is
 * also updated from the RX softirq, so the insert path disables BHs around
 * the per-CPU cache update and allocates the new entry inside.
 */
#include <linux/bottom_half.h>
#include <linux/percpu.h>
#include <linux/slab.h>

struct fc_entry {
	u32 hash;
	u32 action;
};

struct fc_pcpu {
	struct fc_entry *slot[16];
};

static DEFINE_PER_CPU(struct fc_pcpu, fc_cache);

int fc_insert(u32 hash, u32 action)
{
	struct fc_pcpu *pc;
	struct fc_entry *e;

	local_bh_disable();
	pc = this_cpu_ptr(&fc_cache);
	e = kmalloc(sizeof(*e), GFP_KERNEL);	//~ sleep-in-atomic
	if (!e) {
		local_bh_enable();
		return -ENOMEM;
	}
	e->hash = hash;
	e->action = action;
	kfree(pc->slot[hash % 16]);
	pc->slot[hash % 16] = e;
	local_bh_enable();
	return 0;
}
