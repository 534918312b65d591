// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: the caller checks for NULL, updates the session it got
 * locked, unlocks it, and only then takes table_lock for the server-wide
 * counter.
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
	spin_unlock(&sess->lock);

	spin_lock(&srv->table_lock);
	srv->total_cmds++;
	spin_unlock(&srv->table_lock);
	return 0;
}
