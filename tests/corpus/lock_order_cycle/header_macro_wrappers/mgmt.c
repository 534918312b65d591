// SPDX-License-Identifier: GPL-2.0
/*
 * The management path takes the device lock, then req_lock: the opposite
 * order, hidden behind the same wrappers.
 */
#include "hcidev.h"

void hcidev_set_powered(struct hcidev *hdev)
{
	hcidev_lock(hdev);
	hcidev_req_lock(hdev);	//~ lock-order-cycle
	hdev->flags &= ~1UL;
	hcidev_req_unlock(hdev);
	hcidev_unlock(hdev);
}
