// SPDX-License-Identifier: GPL-2.0
/*
 * An AB-BA inversion whose second half is three calls deep: the stats
 * worker holds the device list lock and flushes a device, which updates
 * its counters, which takes the counter lock. The reset path takes the
 * counter lock and then walks the device list.
 */
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/list.h>

static DEFINE_MUTEX(qdev_list_lock);
static DEFINE_MUTEX(qdev_counter_lock);
static LIST_HEAD(qdev_list);
static unsigned long qdev_counter;

static void qdev_count(unsigned long n)
{
	mutex_lock(&qdev_counter_lock);
	qdev_counter += n;
	mutex_unlock(&qdev_counter_lock);
}

static void qdev_account(unsigned long n)
{
	qdev_count(n);
}

static void qdev_flush(unsigned long n)
{
	qdev_account(n);
}

void qdev_stats_worker(void)
{
	mutex_lock(&qdev_list_lock);
	qdev_flush(1);
	mutex_unlock(&qdev_list_lock);
}

void qdev_reset_all(void)
{
	mutex_lock(&qdev_counter_lock);
	qdev_counter = 0;
	mutex_lock(&qdev_list_lock);	//~ lock-order-cycle
	INIT_LIST_HEAD(&qdev_list);
	mutex_unlock(&qdev_list_lock);
	mutex_unlock(&qdev_counter_lock);
}
