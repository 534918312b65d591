// SPDX-License-Identifier: GPL-2.0
/*
 * Locality requests take the chip lock.
 */
#include <linux/io.h>
#include "tpm.h"

#define TPC_REG_ACCESS(l)	(0x0000 | ((l) << 12))
#define TPC_ACCESS_REQUEST_USE	0x02

int tpc_request_locality(struct tpc_chip *chip, int l)
{
	unsigned long flags;

	spin_lock_irqsave(&chip->lock, flags);
	writeb(TPC_ACCESS_REQUEST_USE, chip->base + TPC_REG_ACCESS(l));
	chip->locality = l;
	spin_unlock_irqrestore(&chip->lock, flags);
	return 0;
}
