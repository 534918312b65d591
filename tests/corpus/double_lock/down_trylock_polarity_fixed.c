// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of down_trylock_polarity.c: down_trylock() is non-zero
 * when the semaphore was NOT taken, so that is the branch that waits.
 */
#include <linux/io.h>
#include <linux/semaphore.h>

struct dspmb {
	struct semaphore mbox_sem;	/* one message in the mailbox */
	void __iomem *mbox;
	unsigned int waited;
};

int dspmb_submit(struct dspmb *mb, u32 msg)
{
	if (down_trylock(&mb->mbox_sem)) {
		/* mailbox busy: count it and wait our turn */
		mb->waited++;
		down(&mb->mbox_sem);
	}
	writel(msg, mb->mbox);
	/* the DSP's "mailbox read" interrupt does the up() */
	return 0;
}

void dspmb_init(struct dspmb *mb)
{
	/* one holder at a time: a lock */
	sema_init(&mb->mbox_sem, 1);
}
