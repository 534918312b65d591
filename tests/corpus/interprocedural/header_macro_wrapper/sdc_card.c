// SPDX-License-Identifier: GPL-2.0
/*
 * Card side: setting the relative address programs the host while the
 * card lock is held, and the host lock is taken through the wrapper macro
 * from the header — card lock, then host lock. The acquisition is visible
 * only when the macro is expanded from include/.
 */
#include <linux/io.h>
#include "sdc.h"

#define SDC_REG_RCA	0x28

void sdc_card_set_rca(struct sdc_card *card, u16 rca)
{
	struct sdc_host *host = card->host;
	unsigned long flags;

	spin_lock(&card->lock);
	card->rca = rca;
	sdc_host_lock(host, flags);
	writel(rca, host->base + SDC_REG_RCA);
	sdc_host_unlock(host, flags);
	spin_unlock(&card->lock);
}
