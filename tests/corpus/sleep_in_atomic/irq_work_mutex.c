// SPDX-License-Identifier: GPL-2.0
/*
 * An irq_work callback that takes a mutex. The sampler raises an irq_work
 * from its NMI handler to publish a sample; the irq_work runs in hardirq
 * context, where mutex_lock() may not be called.
 */
#include <linux/irq_work.h>
#include <linux/mutex.h>

struct smp_sampler {
	struct irq_work publish_work;
	struct mutex buf_lock;		/* buf, len */
	u64 buf[64];
	unsigned int len;
	u64 pending;
};

static void smp_publish(struct irq_work *work)
{
	struct smp_sampler *s = container_of(work, struct smp_sampler, publish_work);

	mutex_lock(&s->buf_lock);	//~ sleep-in-atomic
	if (s->len < ARRAY_SIZE(s->buf))
		s->buf[s->len++] = s->pending;
	mutex_unlock(&s->buf_lock);
}

void smp_sampler_init(struct smp_sampler *s)
{
	mutex_init(&s->buf_lock);
	init_irq_work(&s->publish_work, smp_publish);
}
