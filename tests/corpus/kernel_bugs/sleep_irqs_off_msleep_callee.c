// SPDX-License-Identifier: GPL-2.0
/*
 * An msleep() reached with interrupts disabled.
 *
 * The clock-event driver reprograms its comparator with local IRQs off so
 * that the tick handler cannot run halfway through. The "safe" write
 * helper polls the busy bit of a slow-clock domain and backs off with
 * msleep(1) between polls, which sleeps with IRQs disabled.
 *
 * Modelled on the clocksource/watchdog fixes that replaced msleep() or
 * usleep_range() by udelay()/readl_poll_timeout_atomic() in a path that
 * runs with interrupts off ("...: use atomic poll under
 * local_irq_save" style fixes; no exact subject recalled).
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/irqflags.h>

#define SCT_CMP		0x10
#define SCT_STATUS	0x14
#define SCT_BUSY	BIT(0)

struct sct_timer {
	void __iomem *base;
	u32 next;
};

static int sct_write_sync(struct sct_timer *st, u32 reg, u32 val)
{
	int tries = 10;

	writel(val, st->base + reg);
	while (readl(st->base + SCT_STATUS) & SCT_BUSY) {
		if (!--tries)
			return -ETIMEDOUT;
		msleep(1);
	}
	return 0;
}

int sct_set_next_event(struct sct_timer *st, u32 delta)
{
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	st->next = delta;
	ret = sct_write_sync(st, SCT_CMP, delta);	//~ sleep-in-atomic
	local_irq_restore(flags);
	return ret;
}
