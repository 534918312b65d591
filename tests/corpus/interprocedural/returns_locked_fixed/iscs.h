/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ISCS_H
#define _ISCS_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct iscs_sess {
	spinlock_t lock;		/* dead, cmd_sn, nr_cmds */
	struct list_head srv_node;
	u32 id;
	u32 cmd_sn;
	unsigned int nr_cmds;
	bool dead;
};

struct iscs_srv {
	spinlock_t table_lock;		/* sessions, nr_sessions */
	struct list_head sessions;
	unsigned int nr_sessions;
	u64 total_cmds;
};

struct iscs_conn {
	struct iscs_srv *srv;
	struct iscs_sess *sess;
};

/* iscs_sess.c */
struct iscs_sess *iscs_conn_lock_sess(struct iscs_conn *conn);

#endif /* _ISCS_H */
