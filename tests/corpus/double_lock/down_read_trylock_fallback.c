// SPDX-License-Identifier: GPL-2.0
/*
 * down_read_trylock() returns 1 when it took the semaphore. The lookup
 * tries it and, for a caller that may block, falls back to down_read() —
 * but the fallback sits after the closing brace, so it also runs when the
 * trylock succeeded: a second read acquisition of one rw_semaphore. With
 * no writer queued that second down_read() succeeds, and the single
 * up_read() leaves one read hold behind: that path also returns holding
 * the semaphore.
 */
#include <linux/errno.h>
#include <linux/rwsem.h>

struct nhtbl_entry {
	u32 key;
	u32 refs;
};

struct nhtbl {
	struct rw_semaphore rwsem;	/* protects the hash buckets */
	unsigned int lookups;
};

struct nhtbl_entry *__nhtbl_lookup(struct nhtbl *tbl, u32 key);

int nhtbl_get(struct nhtbl *tbl, u32 key, bool nowait,
	      struct nhtbl_entry **out)
{
	struct nhtbl_entry *ent;

	if (!down_read_trylock(&tbl->rwsem)) {
		if (nowait)
			return -EAGAIN;
	}
	down_read(&tbl->rwsem);	//~ double-lock
	ent = __nhtbl_lookup(tbl, key);
	if (ent)
		ent->refs++;
	up_read(&tbl->rwsem);

	*out = ent;
	return ent ? 0 : -ENOENT;	//~ unreleased-lock
}
