// SPDX-License-Identifier: GPL-2.0
/*
 * kref_put_mutex() takes the mutex when the count drops to zero, so it
 * orders that mutex under whatever the caller holds. Changing the mode
 * walks the sessions under sess_lock and takes cfg_lock inside. The
 * reconfigure-done path drops its session reference while it still holds
 * cfg_lock: when it is the last reference, kref_put_mutex() takes
 * sess_lock under cfg_lock, the reverse order.
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
	kref_put_mutex(&sess->ref, tsess_release, &td->sess_lock);	//~ lock-order-cycle
	mutex_unlock(&td->cfg_lock);
}
