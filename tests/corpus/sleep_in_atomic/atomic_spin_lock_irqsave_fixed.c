// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of atomic_spin_lock_irqsave.c: the controller is
 * serialised by a mutex (nothing takes it from interrupt context), so the
 * write cycle can be polled with usleep_range().
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/mutex.h>

#define EEC_ADDR	0x00
#define EEC_DATA	0x04
#define EEC_STATUS	0x08
#define EEC_BUSY	0x01

struct eec {
	struct mutex lock;		/* controller registers */
	void __iomem *regs;
};

int eec_write(struct eec *ee, u32 addr, u32 val)
{
	int tries = 50;

	mutex_lock(&ee->lock);
	writel(addr, ee->regs + EEC_ADDR);
	writel(val, ee->regs + EEC_DATA);
	while ((readl(ee->regs + EEC_STATUS) & EEC_BUSY) && --tries)
		usleep_range(100, 200);
	mutex_unlock(&ee->lock);
	return tries ? 0 : -ETIMEDOUT;
}
