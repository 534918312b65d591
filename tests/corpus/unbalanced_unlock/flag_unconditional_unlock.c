// SPDX-License-Identifier: GPL-2.0
/*
 * A conditional lock with an unconditional unlock: only flash chips
 * shared with the boot ROM need fl->lock around a write, but the release
 * at the end runs for every chip, so a private chip unlocks a mutex it
 * never took.
 */
#include <linux/mutex.h>
#include <linux/types.h>

struct nflash {
	struct mutex lock;		/* shared with the boot ROM mailbox */
	bool shared;
	unsigned long writes;
};

int nflash_program(struct nflash *fl, loff_t to, const u8 *buf, size_t len);

int nflash_write(struct nflash *fl, loff_t to, const u8 *buf, size_t len)
{
	int ret;

	if (fl->shared)
		mutex_lock(&fl->lock);
	ret = nflash_program(fl, to, buf, len);
	if (!ret)
		fl->writes++;
	mutex_unlock(&fl->lock);	//~ unbalanced-unlock
	return ret;
}
