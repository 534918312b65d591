// SPDX-License-Identifier: GPL-2.0
/*
 * Three mutexes, three functions, one edge each, and no two of them
 * inverted: suspend takes power then list, the firmware power-up takes fw
 * then power, probe takes list then fw. Together they close the cycle
 * power -> list -> fw -> power, reported once. Each edge has a single
 * witness, so the tie goes to the witness latest in the file:
 * foo_probe_unit() and its acquisition of foo_fw_lock.
 */
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>

struct foo_unit {
	struct list_head node;
	bool suspended;
	bool fw_ready;
};

static DEFINE_MUTEX(foo_power_lock);
static DEFINE_MUTEX(foo_list_lock);
static DEFINE_MUTEX(foo_fw_lock);
static LIST_HEAD(foo_units);
static unsigned int foo_power_refs;

void foo_suspend_all(void)
{
	struct foo_unit *unit;

	mutex_lock(&foo_power_lock);
	mutex_lock(&foo_list_lock);
	list_for_each_entry(unit, &foo_units, node) {
		unit->suspended = true;
	}
	mutex_unlock(&foo_list_lock);
	foo_power_refs = 0;
	mutex_unlock(&foo_power_lock);
}

void foo_fw_power_up(struct foo_unit *unit)
{
	mutex_lock(&foo_fw_lock);
	unit->fw_ready = true;
	mutex_lock(&foo_power_lock);
	foo_power_refs++;
	mutex_unlock(&foo_power_lock);
	mutex_unlock(&foo_fw_lock);
}

int foo_probe_unit(struct foo_unit *unit)
{
	mutex_lock(&foo_list_lock);
	list_add_tail(&unit->node, &foo_units);
	mutex_lock(&foo_fw_lock);	//~ lock-order-cycle
	unit->fw_ready = false;
	mutex_unlock(&foo_fw_lock);
	mutex_unlock(&foo_list_lock);
	return 0;
}

MODULE_LICENSE("GPL");
