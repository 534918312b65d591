// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mutex_minority_order.c: the firmware reload path takes
 * bar_list_mutex before bar_fw_mutex, like registration and removal.
 */
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>

struct bar_device {
	struct list_head node;
	const char *fw_name;
	u32 fw_version;
};

static DEFINE_MUTEX(bar_list_mutex);
static DEFINE_MUTEX(bar_fw_mutex);
static LIST_HEAD(bar_devices);
static u32 bar_fw_version;

static void bar_fw_reload_all(u32 version)
{
	struct bar_device *bdev;

	mutex_lock(&bar_list_mutex);
	mutex_lock(&bar_fw_mutex);
	bar_fw_version = version;
	list_for_each_entry(bdev, &bar_devices, node) {
		bdev->fw_version = version;
	}
	mutex_unlock(&bar_fw_mutex);
	mutex_unlock(&bar_list_mutex);
}

int bar_register(struct bar_device *bdev)
{
	mutex_lock(&bar_list_mutex);
	list_add_tail(&bdev->node, &bar_devices);
	mutex_lock(&bar_fw_mutex);
	bdev->fw_version = bar_fw_version;
	mutex_unlock(&bar_fw_mutex);
	mutex_unlock(&bar_list_mutex);
	return 0;
}

void bar_unregister(struct bar_device *bdev)
{
	mutex_lock(&bar_list_mutex);
	mutex_lock(&bar_fw_mutex);
	bdev->fw_version = 0;
	mutex_unlock(&bar_fw_mutex);
	list_del(&bdev->node);
	mutex_unlock(&bar_list_mutex);
}

static int __init bar_init(void)
{
	bar_fw_reload_all(1);
	return 0;
}
module_init(bar_init);
MODULE_LICENSE("GPL");
