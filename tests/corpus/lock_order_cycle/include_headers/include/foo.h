/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared definitions of the foo driver. The lock fields are only known
 * from here: src/foo_fw.c names the device through the foo_dev_t typedef.
 */
#ifndef _FOO_DEV_H
#define _FOO_DEV_H

#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct foo_dev {
	struct mutex lock;		/* device state, open count */
	struct mutex fw_lock;		/* firmware loader */
	spinlock_t irq_lock;		/* interrupt mask register */
	void __iomem *regs;
	unsigned int open_count;
	u32 irq_mask;
	u32 fw_version;
	bool fw_loaded;
};

typedef struct foo_dev foo_dev_t;

#define FOO_REG_IRQ_MASK	0x10
#define FOO_REG_FW_CTRL		0x20

int foo_open(struct foo_dev *dev);
int foo_fw_load(foo_dev_t *dev, u32 version);

#endif /* _FOO_DEV_H */
