// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of msleep_under_spinlock.c: the reset is serialised by a
 * mutex, so the PHY can be given its ten milliseconds with msleep().
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/mutex.h>

#define SMDIO_CTRL		0x00
#define SMDIO_CTRL_RESET	0x80

struct smdio_bus {
	struct mutex lock;		/* serialises register access */
	void __iomem *regs;
};

void smdio_phy_reset(struct smdio_bus *bus)
{
	mutex_lock(&bus->lock);
	writel(SMDIO_CTRL_RESET, bus->regs + SMDIO_CTRL);
	msleep(10);
	writel(0, bus->regs + SMDIO_CTRL);
	mutex_unlock(&bus->lock);
}
