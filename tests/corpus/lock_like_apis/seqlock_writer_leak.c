// SPDX-License-Identifier: GPL-2.0
/*
 * write_seqlock_irqsave() takes the seqlock's spinlock with interrupts
 * off. The rate setter rejects a zero multiplier from inside the write
 * section and returns without write_sequnlock_irqrestore(): the lock
 * stays held, interrupts stay off, and every reader spins forever on an
 * odd sequence count.
 */
#include <linux/errno.h>
#include <linux/seqlock.h>
#include <linux/types.h>

struct clkx {
	seqlock_t seq;			/* base_ns, mult */
	u64 base_ns;
	u32 mult;
};

int clkx_set_mult(struct clkx *c, u32 mult, u64 now_ns)
{
	unsigned long flags;

	write_seqlock_irqsave(&c->seq, flags);
	c->base_ns = now_ns;
	if (!mult)
		return -EINVAL;	//~ unreleased-lock
	c->mult = mult;
	write_sequnlock_irqrestore(&c->seq, flags);
	return 0;
}

u32 clkx_get_mult(struct clkx *c)
{
	u32 mult;

	read_seqlock_excl(&c->seq);
	mult = c->mult;
	read_sequnlock_excl(&c->seq);
	return mult;
}
