// SPDX-License-Identifier: GPL-2.0
/*
 * A huge-entry walk in the style of mm's pmd_trans_huge_lock(): the
 * helper returns the entry's lock held, or NULL having taken nothing,
 * through a wrapper that returns its callee's result. The walker keeps
 * the lock in `ptl`, and later reuses `ptl` for the PTE table's lock;
 * both paths leave through the one unlock.
 */
#include <linux/mm.h>
#include <linux/pagewalk.h>

static inline spinlock_t *tbl_pmd_lock(struct mm_struct *mm, pmd_t *pmd)
{
	spinlock_t *ptl = pmd_lockptr(mm, pmd);

	spin_lock(ptl);
	return ptl;
}

spinlock_t *__tbl_huge_lock(pmd_t *pmd, struct vm_area_struct *vma)
{
	spinlock_t *ptl;

	ptl = tbl_pmd_lock(vma->vm_mm, pmd);
	if (likely(pmd_trans_huge(*pmd)))
		return ptl;
	spin_unlock(ptl);
	return NULL;
}

static inline spinlock_t *tbl_huge_lock(pmd_t *pmd, struct vm_area_struct *vma)
{
	if (pmd_trans_huge(*pmd))
		return __tbl_huge_lock(pmd, vma);
	return NULL;
}

static int tbl_count_pte_range(pmd_t *pmd, unsigned long addr,
			       unsigned long end, struct mm_walk *walk)
{
	unsigned long *count = walk->private;
	spinlock_t *ptl;
	pte_t *start_pte, *pte;

	ptl = tbl_huge_lock(pmd, walk->vma);
	if (ptl) {
		if (!pmd_present(*pmd))
			goto out;
		*count += HPAGE_PMD_NR;
		goto out;
	}

	start_pte = pte = pte_offset_map_lock(walk->mm, pmd, addr, &ptl);
	if (!start_pte) {
		walk->action = ACTION_AGAIN;
		return 0;
	}
	for (; addr != end; pte++, addr += PAGE_SIZE)
		if (pte_present(ptep_get(pte)))
			(*count)++;
	pte_unmap(start_pte);
out:
	spin_unlock(ptl);
	cond_resched();
	return 0;
}
