// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of double_unlock_error_path.c: the error branch returns
 * after its unlock and warning.
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define GPX_DIR		0x04
#define GPX_DIR_LOCKED	0x80000000

struct gpx_chip {
	spinlock_t lock;		/* direction register */
	struct device *dev;
	void __iomem *regs;
};

int gpx_set_direction(struct gpx_chip *chip, unsigned int offset, bool out)
{
	unsigned long flags;
	u32 dir;

	spin_lock_irqsave(&chip->lock, flags);
	dir = readl(chip->regs + GPX_DIR);
	if (dir & GPX_DIR_LOCKED) {
		spin_unlock_irqrestore(&chip->lock, flags);
		dev_warn(chip->dev, "direction of line %u is locked\n", offset);
		return -EPERM;
	}
	if (out)
		dir |= BIT(offset);
	else
		dir &= ~BIT(offset);
	writel(dir, chip->regs + GPX_DIR);
	spin_unlock_irqrestore(&chip->lock, flags);
	return 0;
}
