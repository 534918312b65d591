// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of down_interruptible_callee.c: the reset path holds
 * cmd_sem and writes the command itself through __scard_send_cmd(), the
 * variant that expects the semaphore held. Both functions use the
 * `ret = down_interruptible(&s); if (ret) goto out;` shape.
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

static int __scard_send_cmd(struct scard *card, u32 cmd)
{
	writel(cmd, card->regs + SCARD_CMD);
	return scard_wait_done(card);
}

int scard_send_cmd(struct scard *card, u32 cmd)
{
	int ret;

	ret = down_interruptible(&card->cmd_sem);
	if (ret)
		goto out;
	ret = __scard_send_cmd(card, cmd);
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
	ret = __scard_send_cmd(card, SCARD_CMD_RESET);
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
