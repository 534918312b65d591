// SPDX-License-Identifier: GPL-2.0
/*
 * The timeout update holds the chip lock and starts a command: two calls
 * down, in two other files, the same chip's lock is taken again.
 */
#include <linux/jiffies.h>
#include "tpm.h"

int tpc_update_timeouts(struct tpc_chip *chip, unsigned int ms)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&chip->lock, flags);
	chip->timeout_a = msecs_to_jiffies(ms);
	ret = tpc_start_cmd(chip);	//~ double-lock
	spin_unlock_irqrestore(&chip->lock, flags);
	return ret;
}
