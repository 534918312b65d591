// SPDX-License-Identifier: GPL-2.0
/*
 * The comment above the function covers all of it.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(fi_a);
static DEFINE_MUTEX(fi_b);

void fi_ab(void)
{
	mutex_lock(&fi_a);
	mutex_lock(&fi_b);
	mutex_unlock(&fi_b);
	mutex_unlock(&fi_a);
}

/* lockorder: ignore[LO001] runs before the workers start */
void fi_ba(void)
{
	mutex_lock(&fi_b);
	mutex_lock(&fi_a);
	mutex_unlock(&fi_a);
	mutex_unlock(&fi_b);
}
