// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of foreach_continue_ok.c whose inner `..._foreach` loop returns
 * -EINTR where the visit is interrupted, with the anon_vma still read-locked.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/rmap.h>
#include <linux/rwsem.h>

struct rw_item {
	struct hlist_node hlist;
	struct anon_vma *anon_vma;
	unsigned long address;
};

struct rw_node {
	struct hlist_head hlist;
};

bool rw_visit(struct vm_area_struct *vma, unsigned long addr, void *arg);

int rw_walk(struct rw_node *node, struct vm_area_struct *skip, void *arg)
{
	struct rw_item *item;

	hlist_for_each_entry(item, &node->hlist, hlist) {
		struct anon_vma *anon_vma = item->anon_vma;
		struct anon_vma_chain *vmac;
		struct vm_area_struct *vma;

		down_read(&anon_vma->rwsem);
		anon_vma_interval_tree_foreach(vmac, &anon_vma->rb_root,
					       0, ULONG_MAX) {
			vma = vmac->vma;
			if (vma == skip)
				continue;
			if (item->address < vma->vm_start ||
			    item->address >= vma->vm_end)
				continue;
			if (!rw_visit(vma, item->address, arg))
				return -EINTR;	//~ unreleased-lock
		}
		up_read(&anon_vma->rwsem);
	}
	return 0;
}
