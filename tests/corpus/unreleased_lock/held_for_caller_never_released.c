// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of held_for_caller_ok.c whose writer forgets to release the
 * journal head: nothing releases the mutex reserve_space() returns held,
 * so each of its success returns is a leak like any other.
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>

struct jfs_wbuf {
	struct mutex io_mutex;
	int avail;
	int lnum;
};

struct jfs_info {
	struct rw_semaphore commit_sem;
	struct jfs_wbuf heads[3];
};

int jfs_gc_head(struct jfs_info *c, int jhead);
int jfs_find_free_space(struct jfs_info *c, int len);
int jfs_write_node(struct jfs_info *c, int jhead, const void *node, int len);

static int reserve_space(struct jfs_info *c, int jhead, int len)
{
	struct jfs_wbuf *wbuf = &c->heads[jhead];
	int err, lnum;

	mutex_lock_nested(&wbuf->io_mutex, jhead);
	if (wbuf->avail >= len)
		return 0;	//~ unreleased-lock

	lnum = jfs_find_free_space(c, len);
	if (lnum >= 0) {
		wbuf->lnum = lnum;
		return 0;	//~ unreleased-lock
	}
	err = lnum;
	if (err != -ENOSPC)
		goto out_unlock;
	err = jfs_gc_head(c, jhead);
	if (err)
		goto out_unlock;
	return 0;	//~ unreleased-lock

out_unlock:
	mutex_unlock(&wbuf->io_mutex);
	return err;
}

static int make_reservation(struct jfs_info *c, int jhead, int len)
{
	int err;

	down_read(&c->commit_sem);
	err = reserve_space(c, jhead, len);
	if (err) {
		up_read(&c->commit_sem);
		return err;
	}
	return 0;
}

static void release_head(struct jfs_info *c, int jhead)
{
	mutex_unlock(&c->heads[jhead].io_mutex);
}

static void finish_reservation(struct jfs_info *c)
{
	up_read(&c->commit_sem);
}

int jfs_write_inode(struct jfs_info *c, const void *ino, int len)
{
	int err;

	err = make_reservation(c, 1, len);
	if (err)
		return err;
	err = jfs_write_node(c, 1, ino, len);
	finish_reservation(c);
	return err;
}
