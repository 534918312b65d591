// SPDX-License-Identifier: GPL-2.0
/*
 * The inversion is suppressed on the line of its primary location.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(li_a);
static DEFINE_MUTEX(li_b);

void li_ab(void)
{
	mutex_lock(&li_a);
	mutex_lock(&li_b);
	mutex_unlock(&li_b);
	mutex_unlock(&li_a);
}

void li_ba(void)
{
	mutex_lock(&li_b);
	mutex_lock(&li_a);	/* lockorder: ignore[LO001] b then a only during probe */
	mutex_unlock(&li_a);
	mutex_unlock(&li_b);
}
