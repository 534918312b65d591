// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of seqlock_writer_order.c: adjtime() takes the seqlock
 * for writing first and adj_lock inside it, the update's order.
 */
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define CLKX_STEP_NS	(100 * NSEC_PER_MSEC)

struct clkx {
	seqlock_t seq;			/* base_ns, mult */
	spinlock_t adj_lock;		/* pending_adj */
	u64 base_ns;
	u32 mult;
	s64 pending_adj;
};

u64 clkx_read_ns(struct clkx *c, u64 cycles)
{
	unsigned int start;
	u64 ns;

	do {
		start = read_seqbegin(&c->seq);
		ns = c->base_ns + cycles * c->mult;
	} while (read_seqretry(&c->seq, start));
	return ns;
}

void clkx_update(struct clkx *c, u64 elapsed_ns)
{
	unsigned long flags;

	write_seqlock_irqsave(&c->seq, flags);
	c->base_ns += elapsed_ns;
	spin_lock(&c->adj_lock);
	c->base_ns += c->pending_adj;
	c->pending_adj = 0;
	spin_unlock(&c->adj_lock);
	write_sequnlock_irqrestore(&c->seq, flags);
}

void clkx_adjtime(struct clkx *c, s64 delta)
{
	unsigned long flags;

	write_seqlock_irqsave(&c->seq, flags);
	spin_lock(&c->adj_lock);
	if (abs(delta) < CLKX_STEP_NS)
		c->pending_adj += delta;
	else
		c->base_ns += delta;
	spin_unlock(&c->adj_lock);
	write_sequnlock_irqrestore(&c->seq, flags);
}
