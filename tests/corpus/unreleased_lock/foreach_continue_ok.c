// SPDX-License-Identifier: GPL-2.0
/*
 * A reverse-map walk in the style of KSM: for each stable node, read-lock
 * the anon_vma and walk its VMAs with an interval-tree `..._foreach` macro.
 * The `continue`s skip one VMA of that inner loop; the unlock after it runs
 * for every node.
 */
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

void rw_walk(struct rw_node *node, struct vm_area_struct *skip, void *arg)
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
				break;
		}
		up_read(&anon_vma->rwsem);
	}
}
