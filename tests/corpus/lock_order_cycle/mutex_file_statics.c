// SPDX-License-Identifier: GPL-2.0
/*
 * Two file-static mutexes of one driver taken in opposite orders: setting
 * the sample rate takes foo_cfg_mutex and then foo_stats_mutex, resetting
 * the statistics takes them the other way round. Each order has one
 * witness, so the later function is the one reported.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/types.h>

static DEFINE_MUTEX(foo_cfg_mutex);
static DEFINE_MUTEX(foo_stats_mutex);

static unsigned int foo_rate = 48000;
static u64 foo_rx_bytes;
static u64 foo_tx_bytes;

int foo_set_rate(unsigned int rate)
{
	if (!rate)
		return -EINVAL;

	mutex_lock(&foo_cfg_mutex);
	mutex_lock(&foo_stats_mutex);
	/* counters taken at the old rate mean nothing at the new one */
	foo_rx_bytes = 0;
	foo_tx_bytes = 0;
	foo_rate = rate;
	mutex_unlock(&foo_stats_mutex);
	mutex_unlock(&foo_cfg_mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_set_rate);

void foo_reset_stats(void)
{
	mutex_lock(&foo_stats_mutex);
	foo_rx_bytes = 0;
	foo_tx_bytes = 0;
	mutex_lock(&foo_cfg_mutex);	//~ lock-order-cycle
	foo_rate = 48000;
	mutex_unlock(&foo_cfg_mutex);
	mutex_unlock(&foo_stats_mutex);
}
EXPORT_SYMBOL_GPL(foo_reset_stats);

MODULE_DESCRIPTION("foo sample-rate core");
MODULE_LICENSE("GPL");
