// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware half of the driver: an update holds foo_fw_mutex and then
 * takes foo_cfg_mutex to read the clock, the opposite of foo_set_clock()
 * in a.c. The two files together deadlock; neither does alone.
 */
#include <linux/module.h>
#include "foo.h"

int foo_fw_update(const u8 *data, size_t size, u32 version)
{
	unsigned int khz;

	if (!data || !size)
		return -EINVAL;

	mutex_lock(&foo_fw_mutex);
	foo_fw.data = data;
	foo_fw.size = size;
	foo_fw.version = version;
	mutex_lock(&foo_cfg_mutex);	//~ lock-order-cycle
	khz = foo_clock_khz;
	mutex_unlock(&foo_cfg_mutex);
	mutex_unlock(&foo_fw_mutex);

	pr_info("foo: firmware %u loaded at %u kHz\n", version, khz);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_fw_update);
