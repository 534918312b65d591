// SPDX-License-Identifier: GPL-2.0
/*
 * Locking through function-like macro wrappers, as subsystems define them
 * (`#define hci_dev_lock(d) mutex_lock(&d->lock)`): btc_dev_lock() is a
 * mutex_lock() of btc->lock, so the early -EALREADY return leaks it just
 * like a direct call would.
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
	int ret;

	btc_dev_lock(btc);
	if (btc->scanning)
		return -EALREADY;	//~ unreleased-lock
	ret = btc_hw_scan(btc, window);
	if (!ret) {
		btc->scanning = true;
		btc->scan_window = window;
	}
	btc_dev_unlock(btc);
	return ret;
}
