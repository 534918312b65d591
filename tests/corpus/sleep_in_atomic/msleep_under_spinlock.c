// SPDX-License-Identifier: GPL-2.0
/*
 * msleep() with a spinlock held. The PHY reset holds the MDIO bus lock so
 * no other access reaches the bus while the reset pulse is applied, and
 * waits for the PHY to come back with msleep().
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define SMDIO_CTRL		0x00
#define SMDIO_CTRL_RESET	0x80

struct smdio_bus {
	spinlock_t lock;		/* serialises register access */
	void __iomem *regs;
};

void smdio_phy_reset(struct smdio_bus *bus)
{
	spin_lock(&bus->lock);
	writel(SMDIO_CTRL_RESET, bus->regs + SMDIO_CTRL);
	msleep(10);	//~ sleep-in-atomic
	writel(0, bus->regs + SMDIO_CTRL);
	spin_unlock(&bus->lock);
}
