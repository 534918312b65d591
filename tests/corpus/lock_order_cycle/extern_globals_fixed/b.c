// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of extern_globals/b.c: a firmware update takes
 * foo_cfg_mutex before foo_fw_mutex, the order foo_set_clock() in a.c uses.
 */
#include <linux/module.h>
#include "foo.h"

int foo_fw_update(const u8 *data, size_t size, u32 version)
{
	unsigned int khz;

	if (!data || !size)
		return -EINVAL;

	mutex_lock(&foo_cfg_mutex);
	mutex_lock(&foo_fw_mutex);
	foo_fw.data = data;
	foo_fw.size = size;
	foo_fw.version = version;
	khz = foo_clock_khz;
	mutex_unlock(&foo_fw_mutex);
	mutex_unlock(&foo_cfg_mutex);

	pr_info("foo: firmware %u loaded at %u kHz\n", version, khz);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_fw_update);
