// SPDX-License-Identifier: GPL-2.0
/*
 * A counting semaphore drained in a loop: it counts free DMA slots, so
 * taking it several times in a row is its purpose, not a self-deadlock.
 */
#include <linux/semaphore.h>

#define DMA_SLOTS	4

struct dmapool {
	struct semaphore free_slots;
};

void dmapool_init(struct dmapool *p)
{
	sema_init(&p->free_slots, DMA_SLOTS);
}

void dmapool_quiesce(struct dmapool *p)
{
	int i;

	/* wait until every slot is back */
	for (i = 0; i < DMA_SLOTS; i++)
		down(&p->free_slots);
	for (i = 0; i < DMA_SLOTS; i++)
		up(&p->free_slots);
}
