// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of fs/inode.c's __wait_on_freeing_inode(): the wait helper
 * drops the hash lock around its sleep only where its flag says the caller
 * holds it, and takes it back before returning. The lookup passes the flag
 * on. One caller holds the hash lock and says so; another takes the lock
 * only after the lookup. (The broken twin is drop_lock_if_flag.c.)
 */
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct obj {
	spinlock_t lock;
	unsigned long state;
	struct hlist_node hash;
	unsigned long key;
};

static DEFINE_SPINLOCK(obj_hash_lock);

static void obj_wait_on_freeing(struct obj *o, bool hash_locked)
{
	DEFINE_WAIT(wait);
	wait_queue_head_t *wq = obj_waitqueue(o);

	prepare_to_wait(wq, &wait, TASK_UNINTERRUPTIBLE);
	spin_unlock(&o->lock);
	if (hash_locked)
		spin_unlock(&obj_hash_lock);
	schedule();
	finish_wait(wq, &wait);
	if (hash_locked)
		spin_lock(&obj_hash_lock);
}

static struct obj *obj_find(struct hlist_head *head, unsigned long key,
			    bool hash_locked)
{
	struct obj *o;

	if (hash_locked)
		lockdep_assert_held(&obj_hash_lock);
repeat:
	hlist_for_each_entry(o, head, hash) {
		if (o->key != key)
			continue;
		spin_lock(&o->lock);
		if (o->state & OBJ_FREEING) {
			obj_wait_on_freeing(o, hash_locked);
			goto repeat;
		}
		spin_unlock(&o->lock);
		return o;
	}
	return NULL;
}

struct obj *obj_lookup(struct hlist_head *head, unsigned long key)
{
	struct obj *o;

	spin_lock(&obj_hash_lock);
	o = obj_find(head, key, true);
	spin_unlock(&obj_hash_lock);
	return o;
}

struct obj *obj_lookup_unlocked(struct hlist_head *head, unsigned long key)
{
	struct obj *o = obj_find(head, key, false);

	if (o) {
		spin_lock(&obj_hash_lock);
		obj_touch(o);
		spin_unlock(&obj_hash_lock);
	}
	return o;
}
