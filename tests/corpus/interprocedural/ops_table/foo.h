/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FOO_H
#define _FOO_H

#include <linux/mutex.h>
#include <linux/workqueue.h>

struct foo_dev;

struct foo_ops {
	int (*reset)(struct foo_dev *dev);
	int (*get_status)(struct foo_dev *dev);
};

struct foo_hw {
	struct mutex reg_lock;		/* indirect register window */
	void __iomem *base;
	struct foo_dev *dev;
	struct work_struct event_work;
};

struct foo_dev {
	struct mutex lock;		/* state, nr_resets */
	const struct foo_ops *ops;
	struct foo_hw *hw;
	unsigned int state;
	unsigned int nr_resets;
};

#define FOO_STATE_UP	1
#define FOO_STATE_DOWN	2

/* foo_hw.c */
int foo_hw_attach(struct foo_dev *dev, struct foo_hw *hw);

#endif /* _FOO_H */
