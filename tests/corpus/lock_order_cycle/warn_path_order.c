// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of warn_path_order_ok.c whose check dumps the table on every
 * stale entry, no warning: the flush takes the table mutex under the queue
 * mutex, against the update's order.
 */
#include <linux/bug.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(wq_table_mutex);
static DEFINE_MUTEX(wq_queue_mutex);
static int wq_table[16];
static int wq_pending;

static void wq_dump_table(void)
{
	int i;

	mutex_lock(&wq_table_mutex);
	for (i = 0; i < 16; i++)
		pr_info("slot %d: %d\n", i, wq_table[i]);
	mutex_unlock(&wq_table_mutex);
}

static void wq_check(int stale)
{
	if (stale)
		wq_dump_table();
}

void wq_flush(int stale)
{
	mutex_lock(&wq_queue_mutex);
	wq_check(stale);
	wq_pending = 0;
	mutex_unlock(&wq_queue_mutex);
}

void wq_update(int slot, int val)
{
	mutex_lock(&wq_table_mutex);
	wq_table[slot & 15] = val;
	mutex_lock(&wq_queue_mutex);	//~ lock-order-cycle
	wq_pending++;
	mutex_unlock(&wq_queue_mutex);
	mutex_unlock(&wq_table_mutex);
}
