// SPDX-License-Identifier: GPL-2.0
/*
 * usleep_range() under spin_lock_irqsave(). The EEPROM write polls for the
 * end of the write cycle with the controller lock held and interrupts off,
 * sleeping between polls.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define EEC_ADDR	0x00
#define EEC_DATA	0x04
#define EEC_STATUS	0x08
#define EEC_BUSY	0x01

struct eec {
	spinlock_t lock;		/* controller registers */
	void __iomem *regs;
};

int eec_write(struct eec *ee, u32 addr, u32 val)
{
	unsigned long flags;
	int tries = 50;

	spin_lock_irqsave(&ee->lock, flags);
	writel(addr, ee->regs + EEC_ADDR);
	writel(val, ee->regs + EEC_DATA);
	while ((readl(ee->regs + EEC_STATUS) & EEC_BUSY) && --tries)
		usleep_range(100, 200);	//~ sleep-in-atomic
	spin_unlock_irqrestore(&ee->lock, flags);
	return tries ? 0 : -ETIMEDOUT;
}
