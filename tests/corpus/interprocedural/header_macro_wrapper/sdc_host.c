// SPDX-License-Identifier: GPL-2.0
/*
 * Host side: card removal is detected under the host lock (through the
 * header's wrapper macro), and the card state is updated with it held —
 * host lock, then card lock.
 */
#include <linux/io.h>
#include "sdc.h"

#define SDC_REG_PRESENT		0x24
#define SDC_CARD_REMOVED	4

void sdc_host_detect(struct sdc_host *host)
{
	struct sdc_card *card = host->card;
	unsigned long flags;

	sdc_host_lock(host, flags);
	if (!readl(host->base + SDC_REG_PRESENT) && card) {
		spin_lock(&card->lock);	//~ lock-order-cycle
		card->state = SDC_CARD_REMOVED;
		spin_unlock(&card->lock);
	}
	sdc_host_unlock(host, flags);
}
