// SPDX-License-Identifier: GPL-2.0
/*
 * The statistics helper takes `stat_lock` with a plain spin_lock(), but it is reached
 * only through rgx_sample(), which its only caller calls with interrupts off: lockdep
 * sees `stat_lock` taken with interrupts off there, as in the IRQ handler.
 */
#include <linux/interrupt.h>
#include <linux/spinlock.h>

struct rgx {
	spinlock_t	lock;
	spinlock_t	stat_lock;
	unsigned long	samples;
	int		irq;
};

static void rgx_count(struct rgx *r)
{
	spin_lock(&r->stat_lock);
	r->samples++;
	spin_unlock(&r->stat_lock);
}

static void rgx_sample(struct rgx *r)
{
	rgx_count(r);
}

static irqreturn_t rgx_irq(int irq, void *data)
{
	struct rgx *r = data;

	spin_lock(&r->stat_lock);
	r->samples++;
	spin_unlock(&r->stat_lock);
	return IRQ_HANDLED;
}

void rgx_poll(struct rgx *r)
{
	unsigned long flags;

	spin_lock_irqsave(&r->lock, flags);
	rgx_sample(r);
	spin_unlock_irqrestore(&r->lock, flags);
}

int rgx_probe(struct rgx *r)
{
	return request_irq(r->irq, rgx_irq, 0, "rgx", r);
}
