// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that waits on an entry after dropping the lock its caller
 * passes in, as migration_entry_wait_on_locked() does with the PTE lock;
 * and one that takes the lock it is passed. The callers unlock only the
 * locks they still hold.
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
	if (is_swap_pte(pte)) {
		tbl_wait_on_locked(pte_to_swp_entry(pte), ptl);
		return;
	}
	spin_unlock(ptl);
}

struct tbl_bucket {
	spinlock_t lock;
	unsigned int count;
};

extern bool tbl_resizing;

static void tbl_bucket_lock(spinlock_t *lock)
{
	spin_lock(lock);
	while (unlikely(READ_ONCE(tbl_resizing))) {
		spin_unlock(lock);
		cpu_relax();
		spin_lock(lock);
	}
}

unsigned int tbl_count(struct tbl_bucket *b, int n)
{
	unsigned int total = 0;
	spinlock_t *lockp;
	int i;

	for (i = 0; i < n; i++) {
		lockp = &b[i].lock;
		tbl_bucket_lock(lockp);
		if (!b[i].count) {
			spin_unlock(lockp);
			continue;
		}
		total += b[i].count;
		spin_unlock(lockp);
	}
	return total;
}
