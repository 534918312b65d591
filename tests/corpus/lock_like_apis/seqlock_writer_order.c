// SPDX-License-Identifier: GPL-2.0
/*
 * A seqlock writer takes the seqlock's spinlock. The clock's periodic
 * update holds the seqlock for writing and takes adj_lock inside it to
 * fold in pending adjustments. adjtime() holds adj_lock and, for a large
 * step, takes the seqlock for writing to apply it at once: adj_lock ->
 * seq.lock, the reverse. Readers (read_seqbegin()) take no lock and are
 * not part of it.
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

	spin_lock_irqsave(&c->adj_lock, flags);
	if (abs(delta) < CLKX_STEP_NS) {
		c->pending_adj += delta;
	} else {
		write_seqlock(&c->seq);	//~ lock-order-cycle
		c->base_ns += delta;
		write_sequnlock(&c->seq);
	}
	spin_unlock_irqrestore(&c->adj_lock, flags);
}
