// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_local_bh_disable.c: the entry is allocated and
 * filled before bottom halves are disabled.
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

	e = kmalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->hash = hash;
	e->action = action;
	local_bh_disable();
	pc = this_cpu_ptr(&fc_cache);
	kfree(pc->slot[hash % 16]);
	pc->slot[hash % 16] = e;
	local_bh_enable();
	return 0;
}
