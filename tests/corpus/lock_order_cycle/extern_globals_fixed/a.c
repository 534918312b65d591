// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of extern_globals/a.c: unchanged, it takes foo_cfg_mutex
 * and then foo_fw_mutex; b.c now agrees with that order.
 */
#include <linux/module.h>
#include "foo.h"

DEFINE_MUTEX(foo_cfg_mutex);
DEFINE_MUTEX(foo_fw_mutex);

struct foo_fw_image foo_fw;
unsigned int foo_clock_khz = 19200;

int foo_set_clock(unsigned int khz)
{
	if (!khz)
		return -EINVAL;

	mutex_lock(&foo_cfg_mutex);
	foo_clock_khz = khz;
	mutex_lock(&foo_fw_mutex);
	if (foo_fw.data)
		pr_debug("foo: firmware %u now runs at %u kHz\n", foo_fw.version, khz);
	mutex_unlock(&foo_fw_mutex);
	mutex_unlock(&foo_cfg_mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_set_clock);

MODULE_LICENSE("GPL");
