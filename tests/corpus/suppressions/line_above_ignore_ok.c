// SPDX-License-Identifier: GPL-2.0
/*
 * The inversion is suppressed by a comment on the line above.
 */
#include <linux/mutex.h>

static DEFINE_MUTEX(la_a);
static DEFINE_MUTEX(la_b);

void la_ab(void)
{
	mutex_lock(&la_a);
	mutex_lock(&la_b);
	mutex_unlock(&la_b);
	mutex_unlock(&la_a);
}

void la_ba(void)
{
	mutex_lock(&la_b);
	/* lockorder: ignore[lock-order-cycle] single-threaded at probe */
	mutex_lock(&la_a);
	mutex_unlock(&la_a);
	mutex_unlock(&la_b);
}
