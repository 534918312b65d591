// SPDX-License-Identifier: GPL-2.0
/*
 * A wait loop in the style of kernel/exit.c: the reaper is entered with the
 * task list lock read-held, drops it where it reaped a child and returns the
 * child's pid, and keeps it where it returns 0. The callers only know what they
 * hold from that result, through one helper in between, and release the lock
 * on the path where nothing was reaped.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct wt_child {
	struct list_head sibling;
	int exit_state;
	pid_t pid;
};

struct wt_parent {
	struct list_head children;
	int notask_error;
};

static DEFINE_RWLOCK(wt_tasklist_lock);

void wt_release_child(struct wt_child *c);

/* Drops wt_tasklist_lock when it returns nonzero. */
static int wt_reap(struct wt_child *c)
{
	pid_t pid = c->pid;

	if (c->exit_state != EXIT_ZOMBIE)
		return 0;
	read_unlock(&wt_tasklist_lock);
	wt_release_child(c);
	return pid;
}

static int wt_consider(struct wt_parent *p, struct wt_child *c)
{
	if (!c->exit_state)
		return 0;
	p->notask_error = 0;
	return wt_reap(c);
}

static int wt_wait_children(struct wt_parent *p)
{
	struct wt_child *c;
	int ret;

	list_for_each_entry(c, &p->children, sibling) {
		ret = wt_consider(p, c);
		if (ret)
			return ret;
	}
	return 0;
}

int wt_do_wait(struct wt_parent *p)
{
	int ret;

	p->notask_error = -ECHILD;
	read_lock(&wt_tasklist_lock);
	ret = wt_wait_children(p);
	if (ret)
		return ret;
	read_unlock(&wt_tasklist_lock);
	return p->notask_error;
}
