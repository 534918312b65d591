// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rwsem_trylock_variable.c: the release tests the kept
 * trylock result, `if (locked) up_read(...)`, so it runs exactly where
 * the semaphore was taken.
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
	if (locked)
		up_read(&mgr->rwsem);
	return 0;
}
