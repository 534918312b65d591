// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of hci_setup_ext_adv_instance_sync(): instance 0 is the
 * default advertising set and needs no lock; the lock is taken under
 * `instance > 0` and dropped under `if (instance)`. Here the instance is a
 * plain int, for which the two tests differ: a negative instance is
 * released without being taken. (The fixed twin is
 * unsigned_count_test_ok.c.)
 */
#include <linux/mutex.h>

struct adv_dev {
	struct mutex lock;
	struct list_head instances;
};

int adv_setup_instance(struct adv_dev *hdev, int instance)
{
	int err;

	if (instance > 0) {
		err = adv_disable_instance(hdev, instance);
		if (err)
			return err;
		mutex_lock(&hdev->lock);
		if (!adv_find_instance(hdev, instance)) {
			mutex_unlock(&hdev->lock);
			return -EINVAL;
		}
	}

	err = adv_write_params(hdev, instance);

	if (instance)
		mutex_unlock(&hdev->lock);	//~ unbalanced-unlock
	return err;	//~ unreleased-lock
}
