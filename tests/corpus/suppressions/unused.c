// SPDX-License-Identifier: GPL-2.0
/*
 * Suppressions that suppress nothing: a stale one, one naming the wrong rule, and one
 * naming no rule at all.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(un_a);
static DEFINE_MUTEX(un_b);

void un_ab(void)
{
	mutex_lock(&un_a);	/* lockorder: ignore[LO001] fixed long ago */	//~ unused-suppression
	mutex_lock(&un_b);
	mutex_unlock(&un_b);
	mutex_unlock(&un_a);
}

void un_ba(void)
{
	mutex_lock(&un_b);
	mutex_lock(&un_a);	/* lockorder: ignore[LO002] wrong rule */	//~ unused-suppression lock-order-cycle
	mutex_unlock(&un_a);
	mutex_unlock(&un_b);
}

void un_c(void)
{
	mutex_lock(&un_a);	/* lockorder: ignore[LO999] no such rule */	//~ unused-suppression
	mutex_unlock(&un_a);
}
