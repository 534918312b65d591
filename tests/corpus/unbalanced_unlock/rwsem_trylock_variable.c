// SPDX-License-Identifier: GPL-2.0
/*
 * down_read_trylock() returns 1 when it took the semaphore; its result is
 * kept in `locked` so the debugfs dump can go on without the lock while
 * a writer is busy. The final up_read() ignores `locked` and releases a
 * semaphore the dump never got.
 */
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/seq_file.h>

struct cmgr_client {
	struct list_head node;
	u32 id;
	const char *name;
};

struct cmgr {
	struct rw_semaphore rwsem;	/* clients */
	struct list_head clients;
};

static int cmgr_clients_show(struct seq_file *m, void *v)
{
	struct cmgr *mgr = m->private;
	struct cmgr_client *cl;
	bool locked;

	locked = down_read_trylock(&mgr->rwsem);
	if (!locked)
		seq_puts(m, "(busy, list may be stale)\n");
	list_for_each_entry(cl, &mgr->clients, node)
		seq_printf(m, "%u %s\n", cl->id, cl->name);
	up_read(&mgr->rwsem);	//~ unbalanced-unlock
	return 0;
}
