// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of down_read_trylock_fallback.c: the blocking
 * down_read() runs only where down_read_trylock() returned 0, so every
 * path reaching the lookup holds the semaphore exactly once.
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
		down_read(&tbl->rwsem);
	}
	ent = __nhtbl_lookup(tbl, key);
	if (ent)
		ent->refs++;
	up_read(&tbl->rwsem);

	*out = ent;
	return ent ? 0 : -ENOENT;
}
