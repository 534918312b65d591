// SPDX-License-Identifier: GPL-2.0
/*
 * A fault handler keeps pte_offset_map_lock()'s result in the fault
 * descriptor and tests it there: NULL means nothing was taken.
 */
#include <linux/mm.h>

static vm_fault_t tbl_fault_recheck(struct vm_fault *vmf)
{
	vmf->pte = pte_offset_map_lock(vmf->vma->vm_mm, vmf->pmd,
				       vmf->address, &vmf->ptl);
	if (unlikely(!vmf->pte))
		return 0;
	if (unlikely(!pte_same(ptep_get(vmf->pte), vmf->orig_pte))) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	set_pte_at(vmf->vma->vm_mm, vmf->address, vmf->pte,
		   pte_mkyoung(vmf->orig_pte));
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return 0;
}
