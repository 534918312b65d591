// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the timeout update starts the command after it drops the
 * chip lock; the locality request takes the lock itself.
 */
#include <linux/jiffies.h>
#include "tpm.h"

int tpc_update_timeouts(struct tpc_chip *chip, unsigned int ms)
{
	unsigned long flags;

	spin_lock_irqsave(&chip->lock, flags);
	chip->timeout_a = msecs_to_jiffies(ms);
	spin_unlock_irqrestore(&chip->lock, flags);

	return tpc_start_cmd(chip);
}
