// SPDX-License-Identifier: GPL-2.0
/*
 * In the style of a flash filesystem's journal: reserve_space() returns 0
 * with the journal head's write-buffer mutex held, for the caller to write
 * the node and then release the head. Its failures return the error kept
 * in a variable, so its return values alone do not say it hands the lock
 * over. make_reservation() passes it on the same way, and the writer
 * releases it through release_head(). The callers that release what the
 * callee returned held are the contract. (The twin whose callers never
 * release the head is held_for_caller_never_released.c.)
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
		return 0;

	lnum = jfs_find_free_space(c, len);
	if (lnum >= 0) {
		wbuf->lnum = lnum;
		return 0;
	}
	err = lnum;
	if (err != -ENOSPC)
		goto out_unlock;
	err = jfs_gc_head(c, jhead);
	if (err)
		goto out_unlock;
	return 0;

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
	release_head(c, 1);
	finish_reservation(c);
	return err;
}
