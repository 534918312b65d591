// SPDX-License-Identifier: GPL-2.0
/*
 * Sessions. iscs_conn_lock_sess() returns the connection's session with
 * its lock held if it is still alive, NULL (nothing held) otherwise.
 * Teardown unlinks a session from the server table with table_lock held
 * and marks it dead under its own lock: table_lock, then sess->lock.
 */
#include "iscs.h"

struct iscs_sess *iscs_conn_lock_sess(struct iscs_conn *conn)
{
	struct iscs_sess *sess = conn->sess;

	if (!sess)
		return NULL;
	spin_lock(&sess->lock);
	if (sess->dead) {
		spin_unlock(&sess->lock);
		return NULL;
	}
	return sess;
}

void iscs_sess_teardown(struct iscs_srv *srv, struct iscs_sess *sess)
{
	spin_lock(&srv->table_lock);
	list_del_init(&sess->srv_node);
	srv->nr_sessions--;
	spin_lock(&sess->lock);	//~ lock-order-cycle
	sess->dead = true;
	spin_unlock(&sess->lock);
	spin_unlock(&srv->table_lock);
}
