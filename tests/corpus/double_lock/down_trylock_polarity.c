// SPDX-License-Identifier: GPL-2.0
/*
 * down_trylock() returns 0 when it took the semaphore — the opposite of
 * mutex_trylock() and spin_trylock(). dspmb_submit() reads it the mutex
 * way, "!down_trylock() means busy, so wait for it", but that branch is
 * the one already holding mbox_sem: down() sleeps forever.
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
	if (!down_trylock(&mb->mbox_sem)) {
		/* mailbox busy: count it and wait our turn */
		mb->waited++;
		down(&mb->mbox_sem);	//~ double-lock
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
