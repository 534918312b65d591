// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of global_lock_arrays_ok.c whose reservation path takes the
 * fault table's mutex under the reservation lock, against the fault path's
 * order: an AB-BA inversion between the table and the lock.
 */
#include <linux/init.h>
#include <linux/mutex.h>

#define HT_TABLE_SIZE	64

static struct mutex ht_fault_mutex_table[HT_TABLE_SIZE];
static struct mutex ht_resv_mutex_table[HT_TABLE_SIZE];
static DEFINE_MUTEX(ht_resv_lock);
static long ht_reserved;

static int __init ht_init(void)
{
	int i;

	for (i = 0; i < HT_TABLE_SIZE; i++)
		mutex_init(&ht_fault_mutex_table[i]);
	for (i = 0; i < HT_TABLE_SIZE; i++)
		mutex_init(&ht_resv_mutex_table[i]);
	return 0;
}
subsys_initcall(ht_init);

void ht_fault(unsigned int hash, long pages)
{
	mutex_lock(&ht_fault_mutex_table[hash % HT_TABLE_SIZE]);
	mutex_lock(&ht_resv_lock);
	ht_reserved -= pages;
	mutex_unlock(&ht_resv_lock);
	mutex_unlock(&ht_fault_mutex_table[hash % HT_TABLE_SIZE]);
}

void ht_reserve(unsigned int hash, long pages)
{
	mutex_lock(&ht_resv_lock);
	mutex_lock(&ht_fault_mutex_table[hash % HT_TABLE_SIZE]);	//~ lock-order-cycle
	ht_reserved += pages;
	mutex_unlock(&ht_fault_mutex_table[hash % HT_TABLE_SIZE]);
	mutex_unlock(&ht_resv_lock);
}
