// SPDX-License-Identifier: GPL-2.0
/*
 * lockorder: file-ignore[LO002] the retry path is serialised by the firmware handshake
 *
 * A double lock the maintainers accepted for the whole file.
 */
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(fi_lock);

void fi_retry(void)
{
	spin_lock(&fi_lock);
	spin_lock(&fi_lock);
	spin_unlock(&fi_lock);
	spin_unlock(&fi_lock);
}
