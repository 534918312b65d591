// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of irq_work_mutex.c: the sample buffer is protected by a
 * raw spinlock, which the irq_work may take. Readers in process context
 * take it with interrupts disabled.
 */
#include <linux/irq_work.h>
#include <linux/spinlock.h>

struct smp_sampler {
	struct irq_work publish_work;
	raw_spinlock_t buf_lock;	/* buf, len */
	u64 buf[64];
	unsigned int len;
	u64 pending;
};

static void smp_publish(struct irq_work *work)
{
	struct smp_sampler *s = container_of(work, struct smp_sampler, publish_work);

	raw_spin_lock(&s->buf_lock);
	if (s->len < ARRAY_SIZE(s->buf))
		s->buf[s->len++] = s->pending;
	raw_spin_unlock(&s->buf_lock);
}

unsigned int smp_sampler_drain(struct smp_sampler *s, u64 *out)
{
	unsigned long flags;
	unsigned int n;

	raw_spin_lock_irqsave(&s->buf_lock, flags);
	n = s->len;
	memcpy(out, s->buf, n * sizeof(*out));
	s->len = 0;
	raw_spin_unlock_irqrestore(&s->buf_lock, flags);
	return n;
}

void smp_sampler_init(struct smp_sampler *s)
{
	raw_spin_lock_init(&s->buf_lock);
	init_irq_work(&s->publish_work, smp_publish);
}
