// SPDX-License-Identifier: GPL-2.0
/*
 * Command accounting: on success iscs_conn_lock_sess() leaves the session
 * locked, and the server-wide counter is updated under table_lock before
 * the session lock is dropped — sess->lock, then table_lock, the reverse
 * of teardown.
 */
#include "iscs.h"

int iscs_cmd_start(struct iscs_conn *conn)
{
	struct iscs_srv *srv = conn->srv;
	struct iscs_sess *sess;

	sess = iscs_conn_lock_sess(conn);
	if (!sess)
		return -ENOTCONN;

	sess->cmd_sn++;
	sess->nr_cmds++;
	spin_lock(&srv->table_lock);
	srv->total_cmds++;
	spin_unlock(&srv->table_lock);
	spin_unlock(&sess->lock);
	return 0;
}
