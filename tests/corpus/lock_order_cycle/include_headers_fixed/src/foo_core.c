// SPDX-License-Identifier: GPL-2.0
/*
 * Unchanged from include_headers/src/foo_core.c: opening holds dev->lock,
 * takes dev->fw_lock to check the firmware, and dev->irq_lock to unmask
 * interrupts. struct foo_dev comes from include/foo.h (-I include).
 */
#include <linux/io.h>
#include "foo.h"

int foo_open(struct foo_dev *dev)
{
	unsigned long flags;
	int ret = 0;

	mutex_lock(&dev->lock);
	mutex_lock(&dev->fw_lock);
	if (!dev->fw_loaded)
		ret = -ENODEV;
	mutex_unlock(&dev->fw_lock);
	if (ret)
		goto out_unlock;

	if (dev->open_count++ == 0) {
		spin_lock_irqsave(&dev->irq_lock, flags);
		dev->irq_mask = ~0u;
		writel(dev->irq_mask, dev->regs + FOO_REG_IRQ_MASK);
		spin_unlock_irqrestore(&dev->irq_lock, flags);
	}
out_unlock:
	mutex_unlock(&dev->lock);
	return ret;
}
