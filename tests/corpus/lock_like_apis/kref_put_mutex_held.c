// SPDX-License-Identifier: GPL-2.0
/*
 * kref_put_mutex() takes the mutex itself when it drops the last
 * reference. The device teardown already holds sess_lock while it walks
 * the session list and puts each list reference with kref_put_mutex() on
 * that same sess_lock: the final put waits for the teardown's own hold.
 */
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct tdev {
	struct mutex sess_lock;		/* sessions */
	struct list_head sessions;
};

struct tsess {
	struct kref ref;
	struct tdev *td;
	struct list_head node;
};

static void tsess_release(struct kref *kref)
{
	struct tsess *sess = container_of(kref, struct tsess, ref);
	struct tdev *td = sess->td;

	list_del(&sess->node);
	mutex_unlock(&td->sess_lock);
	kfree(sess);
}

void tsess_put(struct tsess *sess)
{
	kref_put_mutex(&sess->ref, tsess_release, &sess->td->sess_lock);
}

void tdev_teardown(struct tdev *td)
{
	struct tsess *sess, *tmp;

	mutex_lock(&td->sess_lock);
	list_for_each_entry_safe(sess, tmp, &td->sessions, node)
		kref_put_mutex(&sess->ref, tsess_release, &td->sess_lock);	//~ double-lock
	mutex_unlock(&td->sess_lock);
}
