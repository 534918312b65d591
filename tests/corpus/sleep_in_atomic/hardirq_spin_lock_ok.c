// SPDX-License-Identifier: GPL-2.0
/*
 * A hardirq handler that takes a spinlock and does nothing that sleeps:
 * spinning is allowed in interrupt context. The process-context side takes
 * the lock with interrupts disabled.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define KPD_STATUS	0x00
#define KPD_DATA	0x04

struct kpd {
	spinlock_t lock;		/* keys, nkeys */
	void __iomem *regs;
	u32 keys[16];
	unsigned int nkeys;
	int irq;
};

static irqreturn_t kpd_irq(int irq, void *dev_id)
{
	struct kpd *kp = dev_id;

	if (!readl(kp->regs + KPD_STATUS))
		return IRQ_NONE;
	spin_lock(&kp->lock);
	if (kp->nkeys < ARRAY_SIZE(kp->keys))
		kp->keys[kp->nkeys++] = readl(kp->regs + KPD_DATA);
	spin_unlock(&kp->lock);
	return IRQ_HANDLED;
}

unsigned int kpd_read_keys(struct kpd *kp, u32 *out)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&kp->lock, flags);
	n = kp->nkeys;
	memcpy(out, kp->keys, n * sizeof(*out));
	kp->nkeys = 0;
	spin_unlock_irqrestore(&kp->lock, flags);
	return n;
}

int kpd_init(struct kpd *kp)
{
	spin_lock_init(&kp->lock);
	return request_irq(kp->irq, kpd_irq, 0, "kpd", kp);
}
