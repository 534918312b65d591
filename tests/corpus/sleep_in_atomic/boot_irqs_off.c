// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of boot_irqs_off_ok.c: the same setup with interrupts off, run
 * again from a late initcall, when the scheduler runs and an allocation or
 * a mutex may sleep.
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

static int __init bk_late_init(void)
{
	local_irq_disable();
	bk_early_irqs_disabled = true;

	bk_table_init();	//~ sleep-in-atomic
	bk_register_defaults();	//~ sleep-in-atomic

	bk_early_irqs_disabled = false;
	local_irq_enable();
	return 0;
}
late_initcall(bk_late_init);
