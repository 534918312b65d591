/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _PWRC_H
#define _PWRC_H

#include <linux/mutex.h>
#include <linux/types.h>

struct pwrc_chip {
	struct mutex lock;		/* enable register, enable_count */
	unsigned int enable_count;
	void __iomem *base;
};

struct pwrc_rail {
	struct pwrc_chip *chip;
	unsigned int id;
	unsigned int ramp_us;
	bool enabled;
	bool always_on;
};

/* pwrc_regs.c */
void pwrc_write_enable(struct pwrc_chip *chip, unsigned int id, bool on);

/* pwrc_rail.c */
void pwrc_rail_set(struct pwrc_rail *rail, bool on);

/* pwrc_seq.c */
void pwrc_rail_sequence(struct pwrc_rail *rail, bool on);

#endif /* _PWRC_H */
