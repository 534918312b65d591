// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the management path takes req_lock first, like the
 * request path.
 */
#include "hcidev.h"

void hcidev_set_powered(struct hcidev *hdev)
{
	hcidev_req_lock(hdev);
	hcidev_lock(hdev);
	hdev->flags &= ~1UL;
	hcidev_unlock(hdev);
	hcidev_req_unlock(hdev);
}
