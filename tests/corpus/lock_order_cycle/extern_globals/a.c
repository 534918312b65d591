// SPDX-License-Identifier: GPL-2.0
/*
 * Part of a two-file driver whose global mutexes are declared extern in
 * foo.h. Changing the clock holds foo_cfg_mutex and then foo_fw_mutex,
 * because the firmware caches the clock; b.c takes them the other way round.
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
