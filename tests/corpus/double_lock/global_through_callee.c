// SPDX-License-Identifier: GPL-2.0
/*
 * A static mutex taken again two calls below its holder: the registry
 * lock is held while the reload path calls a helper whose helper takes it
 * too. One lock object, so the second acquisition waits for itself.
 */
#include <linux/mutex.h>
#include <linux/list.h>

static DEFINE_MUTEX(fwreg_lock);
static LIST_HEAD(fwreg_list);
static unsigned int fwreg_count;

static void fwreg_count_entries(void)
{
	struct list_head *p;

	mutex_lock(&fwreg_lock);
	fwreg_count = 0;
	list_for_each(p, &fwreg_list)
		fwreg_count++;
	mutex_unlock(&fwreg_lock);
}

static void fwreg_refresh(void)
{
	fwreg_count_entries();
}

void fwreg_reload(void)
{
	mutex_lock(&fwreg_lock);
	fwreg_refresh();	//~ double-lock
	mutex_unlock(&fwreg_lock);
}
