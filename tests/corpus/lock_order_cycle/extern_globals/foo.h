/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FOO_H
#define _FOO_H

#include <linux/mutex.h>

/* Defined in a.c, shared by the whole driver. */
extern struct mutex foo_cfg_mutex;	/* device configuration */
extern struct mutex foo_fw_mutex;	/* firmware image and loader */

struct foo_fw_image {
	const u8 *data;
	size_t size;
	u32 version;
};

extern struct foo_fw_image foo_fw;
extern unsigned int foo_clock_khz;

int foo_set_clock(unsigned int khz);
int foo_fw_update(const u8 *data, size_t size, u32 version);

#endif /* _FOO_H */
