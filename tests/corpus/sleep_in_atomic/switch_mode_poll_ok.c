// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of switch_mode_poll.c whose interrupt handler issues its command
 * in MBX_NOWAIT mode: the case that sleeps never runs under the lock.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define MBX_NOWAIT	0
#define MBX_POLL	1

struct port {
	spinlock_t lock;
	void __iomem *regs;
	bool offline;
};

static int port_issue_mbox(struct port *p, u32 cmd, u32 flag)
{
	int i;

	/* An offline port only takes commands it can poll for. */
	if (p->offline && flag != MBX_POLL)
		return -EBUSY;
	writel(cmd, p->regs);
	switch (flag) {
	case MBX_NOWAIT:
		return 0;
	case MBX_POLL:
		for (i = 0; i < 100; i++) {
			if (readl(p->regs + 4))
				return 0;
			msleep(10);
		}
		return -ETIMEDOUT;
	}
	return -EINVAL;
}

irqreturn_t port_intr(int irq, void *data)
{
	struct port *p = data;

	spin_lock(&p->lock);
	port_issue_mbox(p, 0x11, MBX_NOWAIT);
	spin_unlock(&p->lock);
	return IRQ_HANDLED;
}

int port_reset(struct port *p)
{
	return port_issue_mbox(p, 0x12, MBX_POLL);
}
