// SPDX-License-Identifier: GPL-2.0
/*
 * read_lock() twice on the same rwlock_t: the RX interrupt handler holds
 * filt->lock for reading and looks the rule up with nfilt_match(), which
 * read-locks it again. Whether queued-rwlock readers may nest depends on
 * the context (lockdep's read_lock_is_recursive(): in interrupt context a
 * reader does not wait behind a queued writer). Here it is hard-IRQ
 * context, where the nesting is legal, and lockorder does not report
 * reader-on-reader of an rwlock_t at all for now: this must stay silent.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define NFILT_RX_PROTO	0x20
#define NFILT_RX_DROP	0x24
#define NFILT_NR_RULES	16

struct nfilt {
	rwlock_t lock;			/* rules[] */
	u32 rules[NFILT_NR_RULES];
	unsigned int nr_rules;
	void __iomem *regs;
	unsigned long dropped;
};

static bool nfilt_match(struct nfilt *filt, u32 proto)
{
	unsigned int i;
	bool hit = false;

	read_lock(&filt->lock);
	for (i = 0; i < filt->nr_rules; i++) {
		if (filt->rules[i] == proto) {
			hit = true;
			break;
		}
	}
	read_unlock(&filt->lock);
	return hit;
}

static irqreturn_t nfilt_rx_irq(int irq, void *dev_id)
{
	struct nfilt *filt = dev_id;
	u32 proto;

	read_lock(&filt->lock);
	proto = readl(filt->regs + NFILT_RX_PROTO);
	if (filt->nr_rules && nfilt_match(filt, proto)) {
		writel(1, filt->regs + NFILT_RX_DROP);
		filt->dropped++;
	}
	read_unlock(&filt->lock);
	return IRQ_HANDLED;
}

int nfilt_init(struct nfilt *filt, int irq)
{
	rwlock_init(&filt->lock);
	return request_irq(irq, nfilt_rx_irq, 0, "nfilt", filt);
}
