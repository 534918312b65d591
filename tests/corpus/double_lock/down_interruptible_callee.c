// SPDX-License-Identifier: GPL-2.0
/*
 * A semaphore taken twice. `ret = down_interruptible(&s); if (ret) goto
 * out;` holds cmd_sem only on the fall-through path; there the reset
 * path sends its command through scard_send_cmd(), which takes cmd_sem
 * again. The semaphore counts one command in flight, so the second
 * down_interruptible() sleeps until a signal arrives. Semaphores have no
 * owner, yet a count-of-one semaphore taken twice is still a self-deadlock.
 */
#include <linux/io.h>
#include <linux/semaphore.h>

#define SCARD_CMD		0x00
#define SCARD_CMD_RESET		0x01
#define SCARD_CTRL		0x04
#define SCARD_CTRL_HALT		0x80

struct scard {
	struct semaphore cmd_sem;	/* one command in flight */
	void __iomem *regs;
	bool resetting;
};

int scard_wait_done(struct scard *card);

static int scard_send_cmd(struct scard *card, u32 cmd)
{
	int ret;

	ret = down_interruptible(&card->cmd_sem);
	if (ret)
		goto out;
	writel(cmd, card->regs + SCARD_CMD);
	ret = scard_wait_done(card);
	up(&card->cmd_sem);
out:
	return ret;
}

int scard_reset(struct scard *card)
{
	int ret;

	ret = down_interruptible(&card->cmd_sem);
	if (ret)
		goto out;
	card->resetting = true;
	writel(SCARD_CTRL_HALT, card->regs + SCARD_CTRL);
	ret = scard_send_cmd(card, SCARD_CMD_RESET);	//~ double-lock
	card->resetting = false;
	up(&card->cmd_sem);
out:
	return ret;
}

void scard_init(struct scard *card)
{
	/* one holder at a time: a lock */
	sema_init(&card->cmd_sem, 1);
}
