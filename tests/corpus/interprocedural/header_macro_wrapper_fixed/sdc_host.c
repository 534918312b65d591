// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: detection reads the present bit under the host lock and
 * updates the card state after dropping it, so the card lock is never
 * taken under the host lock.
 */
#include <linux/io.h>
#include "sdc.h"

#define SDC_REG_PRESENT		0x24
#define SDC_CARD_REMOVED	4

void sdc_host_detect(struct sdc_host *host)
{
	struct sdc_card *card = host->card;
	unsigned long flags;
	bool present;

	sdc_host_lock(host, flags);
	present = readl(host->base + SDC_REG_PRESENT);
	sdc_host_unlock(host, flags);

	if (!present && card) {
		spin_lock(&card->lock);
		card->state = SDC_CARD_REMOVED;
		spin_unlock(&card->lock);
	}
}
