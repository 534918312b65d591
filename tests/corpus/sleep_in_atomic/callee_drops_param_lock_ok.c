// SPDX-License-Identifier: GPL-2.0
/*
 * The caller holds the PTE lock when it calls the wait helper, which
 * drops the lock it is passed before it sleeps, as
 * migration_entry_wait_on_locked() does.
 */
#include <linux/delay.h>
#include <linux/mm.h>

static void tbl_wait_dropping(spinlock_t *ptl, unsigned long *busy)
	__releases(ptl)
{
	spin_unlock(ptl);
	while (READ_ONCE(*busy))
		msleep(1);
}

void tbl_wait_entry(struct mm_struct *mm, pmd_t *pmd, unsigned long addr,
		    unsigned long *busy)
{
	spinlock_t *ptl;
	pte_t *ptep;

	ptep = pte_offset_map_lock(mm, pmd, addr, &ptl);
	if (!ptep)
		return;
	pte_unmap(ptep);
	tbl_wait_dropping(ptl, busy);
}
