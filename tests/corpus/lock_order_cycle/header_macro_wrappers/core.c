// SPDX-License-Identifier: GPL-2.0
/*
 * The request path takes req_lock, then the device lock, through the
 * header's wrapper macros.
 */
#include "hcidev.h"

int hcidev_open(struct hcidev *hdev)
{
	hcidev_req_lock(hdev);
	hcidev_lock(hdev);
	hdev->flags |= 1;
	hcidev_unlock(hdev);
	hcidev_req_unlock(hdev);
	return 0;
}
