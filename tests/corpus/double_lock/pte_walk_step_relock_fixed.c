// SPDX-License-Identifier: GPL-2.0
/*
 * A page-table walk that maps and locks the PTE page only when it has
 * none mapped, tested as !ptep++: ptep is stepped to the next entry on
 * every iteration it stays mapped. Before reading a swap entry in, the
 * walk must drop the PTE lock and clear ptep so the next entry remaps.
 * The swap-in path does both, so the lock is taken only where ptep was
 * cleared after unlocking, and released once after the walk.
 */
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/swapops.h>

static int swpin_walk_range(struct vm_area_struct *vma, pmd_t *pmd,
			    unsigned long start, unsigned long end)
{
	pte_t *ptep = NULL;
	spinlock_t *ptl;
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct folio *folio;
		swp_entry_t entry;
		pte_t pte;

		if (!ptep++) {
			ptep = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);
			if (!ptep)
				break;
		}

		pte = ptep_get(ptep);
		if (!is_swap_pte(pte))
			continue;
		entry = pte_to_swp_entry(pte);

		pte_unmap_unlock(ptep, ptl);
		ptep = NULL;

		folio = swpin_read_folio(entry, vma, addr);
		if (folio)
			folio_put(folio);
	}

	if (ptep)
		pte_unmap_unlock(ptep, ptl);
	return 0;
}
