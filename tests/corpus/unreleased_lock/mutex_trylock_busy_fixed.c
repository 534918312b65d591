// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mutex_trylock_busy.c: the stopped-watchdog test skips
 * the kick but still reaches the unlock; the -EBUSY return, where the
 * trylock failed, holds nothing.
 */
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/mutex.h>

#define SWDT_KICK	0x0c
#define SWDT_KICK_MAGIC	0x5a5a

struct swdt {
	struct mutex lock;		/* running, kick register */
	void __iomem *regs;
	bool running;
	unsigned long last_ping;
};

int swdt_ping(struct swdt *wdt)
{
	if (!mutex_trylock(&wdt->lock))
		return -EBUSY;
	if (wdt->running) {
		writel(SWDT_KICK_MAGIC, wdt->regs + SWDT_KICK);
		wdt->last_ping = jiffies;
	}
	mutex_unlock(&wdt->lock);
	return 0;
}
