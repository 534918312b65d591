// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of kref_put_mutex_held.c: the teardown, which holds
 * sess_lock already, drops its list references with kref_put() and a
 * release callback that expects the lock held and leaves it held.
 */
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/lockdep.h>
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

static void tsess_release_locked(struct kref *kref)
{
	struct tsess *sess = container_of(kref, struct tsess, ref);

	list_del(&sess->node);
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
		kref_put(&sess->ref, tsess_release_locked);
	mutex_unlock(&td->sess_lock);
}
