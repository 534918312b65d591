// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of flag_unconditional_unlock.c: the release is under the
 * same test as the acquisition. Flag-correlated locking must stay silent
 * (fl->shared is not written between the two tests).
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
	if (fl->shared)
		mutex_unlock(&fl->lock);
	return ret;
}
