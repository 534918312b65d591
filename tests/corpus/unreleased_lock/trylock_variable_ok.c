// SPDX-License-Identifier: GPL-2.0
/*
 * The result of a trylock kept in a variable and tested later:
 * `locked = spin_trylock(&l); ... if (locked) spin_unlock(&l);`. The
 * lock is held exactly where `locked` is true, so the final test
 * releases it on every path that took it. pcon_flush() mixes it with a
 * plain spin_lock() (the panic-time flush must not wait for a CPU that
 * may have died holding the lock); pcon_poll_stats() is the bare shape.
 */
#include <linux/io.h>
#include <linux/spinlock.h>

#define PCON_TX		0x00
#define PCON_STATUS	0x04
#define PCON_TX_FULL	0x01

struct pcon {
	spinlock_t lock;		/* TX FIFO */
	void __iomem *regs;
	const char *buf;
	unsigned int head;
	unsigned int tail;
	unsigned long lost;
};

void pcon_flush(struct pcon *pc, bool oops_in_progress)
{
	unsigned long flags;
	bool locked = true;

	local_irq_save(flags);
	if (oops_in_progress)
		locked = spin_trylock(&pc->lock);
	else
		spin_lock(&pc->lock);

	if (!locked)
		pc->lost++;
	while (pc->tail != pc->head) {
		while (readl(pc->regs + PCON_STATUS) & PCON_TX_FULL)
			cpu_relax();
		writel(pc->buf[pc->tail++], pc->regs + PCON_TX);
	}

	if (locked)
		spin_unlock(&pc->lock);
	local_irq_restore(flags);
}

void pcon_poll_stats(struct pcon *pc, unsigned long *lost)
{
	bool locked;

	locked = spin_trylock(&pc->lock);
	*lost = pc->lost;	/* a stale value is fine for polling */
	if (locked) {
		pc->lost = 0;
		spin_unlock(&pc->lock);
	}
}
