// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the event worker reads the event under reg_lock and marks
 * the device down after dropping it, so dev->lock is never taken under
 * hw->reg_lock and the reset op may take reg_lock under dev->lock.
 */
#include <linux/io.h>
#include "foo.h"

#define FOO_REG_INDEX	0x00
#define FOO_REG_DATA	0x04
#define FOO_IDX_RESET	0x10
#define FOO_IDX_STATUS	0x11
#define FOO_IDX_EVENT	0x12
#define FOO_EVT_LINK_DOWN	1

static int foo_hw_reset(struct foo_dev *dev)
{
	struct foo_hw *hw = dev->hw;

	mutex_lock(&hw->reg_lock);
	writel(FOO_IDX_RESET, hw->base + FOO_REG_INDEX);
	writel(1, hw->base + FOO_REG_DATA);
	mutex_unlock(&hw->reg_lock);
	return 0;
}

static int foo_hw_get_status(struct foo_dev *dev)
{
	struct foo_hw *hw = dev->hw;
	int val;

	mutex_lock(&hw->reg_lock);
	writel(FOO_IDX_STATUS, hw->base + FOO_REG_INDEX);
	val = readl(hw->base + FOO_REG_DATA);
	mutex_unlock(&hw->reg_lock);
	return val;
}

static const struct foo_ops foo_hw_ops = {
	.reset		= foo_hw_reset,
	.get_status	= foo_hw_get_status,
};

static void foo_hw_event_work(struct work_struct *work)
{
	struct foo_hw *hw = container_of(work, struct foo_hw, event_work);
	struct foo_dev *dev = hw->dev;
	u32 event;

	mutex_lock(&hw->reg_lock);
	writel(FOO_IDX_EVENT, hw->base + FOO_REG_INDEX);
	event = readl(hw->base + FOO_REG_DATA);
	mutex_unlock(&hw->reg_lock);

	if (event == FOO_EVT_LINK_DOWN) {
		mutex_lock(&dev->lock);
		dev->state = FOO_STATE_DOWN;
		mutex_unlock(&dev->lock);
	}
}

int foo_hw_attach(struct foo_dev *dev, struct foo_hw *hw)
{
	mutex_init(&hw->reg_lock);
	hw->dev = dev;
	INIT_WORK(&hw->event_work, foo_hw_event_work);
	dev->hw = hw;
	dev->ops = &foo_hw_ops;
	return 0;
}
