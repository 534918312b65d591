// SPDX-License-Identifier: GPL-2.0
/*
 * A page-table walk that maps and locks the PTE page only when it has
 * none mapped, tested as !ptep++: ptep is stepped to the next entry on
 * every iteration it stays mapped. Before reading a swap entry in, the
 * walk must drop the PTE lock and clear ptep so the next entry remaps.
 * Here the swap-in path only unmaps: ptep is cleared with the lock still
 * held, so the next iteration takes it again, and a walk that ends there
 * returns with it held.
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
			ptep = pte_offset_map_lock(vma->vm_mm, pmd, addr, &ptl);	//~ double-lock
			if (!ptep)
				break;
		}

		pte = ptep_get(ptep);
		if (!is_swap_pte(pte))
			continue;
		entry = pte_to_swp_entry(pte);

		pte_unmap(ptep);
		ptep = NULL;

		folio = swpin_read_folio(entry, vma, addr);
		if (folio)
			folio_put(folio);
	}

	if (ptep)
		pte_unmap_unlock(ptep, ptl);
	return 0;	//~ unreleased-lock
}
