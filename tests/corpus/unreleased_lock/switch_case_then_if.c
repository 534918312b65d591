// SPDX-License-Identifier: GPL-2.0
/*
 * A zone-management ioctl in the style of blkdev_zone_mgmt_ioctl(): only
 * the reset command takes the mapping's invalidate lock, in its case of
 * the dispatch switch, and the lock is dropped after the operation under
 * `if (cmd == ...)`. The finish command was added to the switch with the
 * lock but not to the test that drops it.
 */
#include <linux/blkdev.h>
#include <linux/fs.h>

#define ZN_RESET	0x1283
#define ZN_OPEN		0x1286
#define ZN_FINISH	0x1288

int zn_do_op(struct block_device *bdev, unsigned int cmd);

int zn_mgmt_ioctl(struct block_device *bdev, unsigned int cmd)
{
	struct address_space *mapping = bdev->bd_mapping;
	int ret;

	switch (cmd) {
	case ZN_RESET:
		filemap_invalidate_lock(mapping);
		break;
	case ZN_FINISH:
		filemap_invalidate_lock(mapping);
		break;
	case ZN_OPEN:
		break;
	default:
		return -ENOTTY;
	}
	ret = zn_do_op(bdev, cmd);
	if (cmd == ZN_RESET)
		filemap_invalidate_unlock(mapping);
	return ret;	//~ unreleased-lock
}
