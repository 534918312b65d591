// SPDX-License-Identifier: GPL-2.0
/*
 * Early boot in the style of init/main.c: start_kernel runs with interrupts
 * off while it sets up the core subsystems, which allocate with GFP_KERNEL
 * and take sleeping locks. The scheduler is not running yet
 * (SYSTEM_BOOTING), so nothing can sleep and might_sleep checks nothing.
 * (The twin doing the same after boot is boot_irqs_off.c.)
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct bk_table {
	struct mutex lock;
	void *slots;
};

static struct bk_table *bk_root;
static DEFINE_MUTEX(bk_setup_mutex);
bool bk_early_irqs_disabled;

static void __init bk_table_init(void)
{
	bk_root = kzalloc(sizeof(*bk_root), GFP_KERNEL);
	if (!bk_root)
		return;
	mutex_init(&bk_root->lock);
}

static void __init bk_register_defaults(void)
{
	mutex_lock(&bk_setup_mutex);
	if (bk_root)
		bk_root->slots = kzalloc(64, GFP_KERNEL);
	mutex_unlock(&bk_setup_mutex);
}

void __init start_kernel(void)
{
	local_irq_disable();
	bk_early_irqs_disabled = true;

	bk_table_init();
	bk_register_defaults();

	bk_early_irqs_disabled = false;
	local_irq_enable();
}
