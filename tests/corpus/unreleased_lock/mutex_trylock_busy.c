// SPDX-License-Identifier: GPL-2.0
/*
 * `if (!mutex_trylock(&m)) return -EBUSY;` holds nothing on that return
 * and the lock afterwards. The watchdog ping then returns 0 early when
 * the watchdog is stopped — still holding wdt->lock. This is not the
 * "held exactly on success" shape: 0 is also returned after the unlock,
 * so a caller cannot tell whether it got the lock.
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
	if (!wdt->running)
		return 0;	//~ unreleased-lock
	writel(SWDT_KICK_MAGIC, wdt->regs + SWDT_KICK);
	wdt->last_ping = jiffies;
	mutex_unlock(&wdt->lock);
	return 0;
}
