// SPDX-License-Identifier: GPL-2.0
/*
 * pte_offset_map_lock() takes the PTE lock and hands it back through its
 * last argument, or returns NULL having taken nothing; pte_unmap_unlock()
 * releases it. The walk below is balanced on every path.
 */
#include <linux/mm.h>

static int ptwalk_count_young(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte;
	int young;

	pte = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!pte)
		return -EAGAIN;
	young = pte_young(*pte);
	pte_unmap_unlock(pte, ptl);
	return young;
}
