// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of macro_wrapper_return.c: the early return goes through
 * the unlock wrapper, so every path pairs btc_dev_lock() with
 * btc_dev_unlock().
 */
#include <linux/errno.h>
#include <linux/mutex.h>

struct btc_dev {
	struct mutex lock;		/* link table, scanning */
	bool scanning;
	unsigned int scan_window;
};

#define btc_dev_lock(d)		mutex_lock(&(d)->lock)
#define btc_dev_unlock(d)	mutex_unlock(&(d)->lock)

int btc_hw_scan(struct btc_dev *btc, unsigned int window);

int btc_start_scan(struct btc_dev *btc, unsigned int window)
{
	int ret = -EALREADY;

	btc_dev_lock(btc);
	if (btc->scanning)
		goto out_unlock;
	ret = btc_hw_scan(btc, window);
	if (!ret) {
		btc->scanning = true;
		btc->scan_window = window;
	}
out_unlock:
	btc_dev_unlock(btc);
	return ret;
}
