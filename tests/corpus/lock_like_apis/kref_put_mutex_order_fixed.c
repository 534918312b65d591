// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of kref_put_mutex_order.c: the reconfigure-done path drops
 * cfg_lock before it puts its session reference, so the final put takes
 * sess_lock with nothing held.
 */
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct tdev {
	struct mutex cfg_lock;		/* mode, pending */
	struct mutex sess_lock;		/* sessions */
	struct list_head sessions;
	unsigned int mode;
	unsigned int pending;
};

struct tsess {
	struct kref ref;
	struct tdev *td;
	struct list_head node;
	unsigned int mode;
};

static void tsess_release(struct kref *kref)
{
	struct tsess *sess = container_of(kref, struct tsess, ref);

	list_del(&sess->node);
	mutex_unlock(&sess->td->sess_lock);
	kfree(sess);
}

void tdev_set_mode(struct tdev *td, unsigned int mode)
{
	struct tsess *sess;

	mutex_lock(&td->sess_lock);
	list_for_each_entry(sess, &td->sessions, node)
		sess->mode = mode;
	mutex_lock(&td->cfg_lock);
	td->mode = mode;
	td->pending = 0;
	mutex_unlock(&td->cfg_lock);
	mutex_unlock(&td->sess_lock);
}

void tdev_reconfigure_done(struct tdev *td, struct tsess *sess)
{
	mutex_lock(&td->cfg_lock);
	if (td->pending)
		td->pending--;
	mutex_unlock(&td->cfg_lock);
	kref_put_mutex(&sess->ref, tsess_release, &td->sess_lock);
}
