// SPDX-License-Identifier: GPL-2.0
/*
 * Lock helpers in the style of binder: `nd_inner_lock(proc)` is a macro
 * that calls `_nd_inner_lock(proc, __LINE__)`, a function taking the
 * spinlock. The lookup returns a thread with its process's inner lock
 * held. The twin of call_alias_macro_fixed.c: the transaction allocates
 * before it drops the lock through the unlock macro.
 */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct nd_proc {
	spinlock_t inner_lock;
	int tmp_ref;
};

struct nd_thread {
	struct nd_proc *proc;
	struct nd_txn *stack;
};

struct nd_txn {
	struct nd_thread *from;
	int code;
};

#define nd_inner_lock(proc) _nd_inner_lock(proc, __LINE__)
static void _nd_inner_lock(struct nd_proc *proc, int line)
	__acquires(&proc->inner_lock)
{
	spin_lock(&proc->inner_lock);
}

#define nd_inner_unlock(proc) _nd_inner_unlock(proc, __LINE__)
static void _nd_inner_unlock(struct nd_proc *proc, int line)
	__releases(&proc->inner_lock)
{
	spin_unlock(&proc->inner_lock);
}

struct nd_thread *nd_txn_from(struct nd_txn *t);

/* Returns the sender with its process's inner lock held, or NULL. */
static struct nd_thread *nd_txn_from_and_acq_inner(struct nd_txn *t)
	__acquires(&t->from->proc->inner_lock)
{
	struct nd_thread *from = nd_txn_from(t);

	if (!from) {
		__acquire(&from->proc->inner_lock);
		return NULL;
	}
	nd_inner_lock(from->proc);
	return from;
}

int nd_reply(struct nd_thread *thread, struct nd_txn *in_reply_to)
{
	struct nd_thread *target;
	struct nd_txn *t;

	nd_inner_lock(thread->proc);
	thread->stack = NULL;
	nd_inner_unlock(thread->proc);

	target = nd_txn_from_and_acq_inner(in_reply_to);
	if (!target) {
		__release(&target->proc->inner_lock);
		return -ESRCH;
	}
	target->proc->tmp_ref++;
	t = kzalloc(sizeof(*t), GFP_KERNEL);	//~ sleep-in-atomic
	nd_inner_unlock(target->proc);
	if (!t)
		return -ENOMEM;
	t->code = in_reply_to->code;
	return 0;
}
