// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed: the stale suppressions are gone, and un_ba() takes the locks in order.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(un_a);
static DEFINE_MUTEX(un_b);

void un_ab(void)
{
	mutex_lock(&un_a);
	mutex_lock(&un_b);
	mutex_unlock(&un_b);
	mutex_unlock(&un_a);
}

void un_ba(void)
{
	mutex_lock(&un_a);
	mutex_lock(&un_b);
	mutex_unlock(&un_b);
	mutex_unlock(&un_a);
}

void un_c(void)
{
	mutex_lock(&un_a);
	mutex_unlock(&un_a);
}
