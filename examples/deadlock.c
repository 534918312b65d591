// SPDX-License-Identifier: GPL-2.0
/*
 * Two semaphores taken in opposite orders by two kernel threads: the
 * classic AB-BA inversion. Each thread can take its first semaphore and
 * then sleep forever on the other's.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/semaphore.h>

DEFINE_SEMAPHORE(sem1, 1);
DEFINE_SEMAPHORE(sem2, 1);

static int bad_function(void *unused)
{
	down(&sem1);
	down(&sem2);
	/* touch the state both semaphores protect */
	up(&sem2);
	up(&sem1);
	return 0;
}

static int another_function(void *unused)
{
	down(&sem2);
	down(&sem1);
	/* the same state, reached from the other side */
	up(&sem1);
	up(&sem2);
	return 0;
}

static int __init deadlock_init(void)
{
	kthread_run(bad_function, NULL, "bad");
	kthread_run(another_function, NULL, "another");
	return 0;
}

static void __exit deadlock_exit(void)
{
	pr_info("deadlock: unloaded\n");
}

module_init(deadlock_init);
module_exit(deadlock_exit);
MODULE_LICENSE("GPL");
