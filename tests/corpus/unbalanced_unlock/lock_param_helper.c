// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that waits on an entry after dropping the lock its caller
 * passes in, as migration_entry_wait_on_locked() does with the PTE lock.
 * The caller must not unlock again after handing the lock over.
 */
#include <linux/mm.h>
#include <linux/swapops.h>

void tbl_wait_on_locked(swp_entry_t entry, spinlock_t *ptl)
	__releases(ptl)
{
	struct folio *folio = pfn_swap_entry_folio(entry);

	if (!folio_try_get(folio)) {
		spin_unlock(ptl);
		return;
	}
	spin_unlock(ptl);
	folio_wait_locked(folio);
	folio_put(folio);
}

void tbl_entry_wait(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *ptep;
	pte_t pte;

	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!ptep)
		return;
	pte = ptep_get(ptep);
	pte_unmap(ptep);
	if (is_swap_pte(pte))
		tbl_wait_on_locked(pte_to_swp_entry(pte), ptl);
	spin_unlock(ptl);	//~ unbalanced-unlock
}
