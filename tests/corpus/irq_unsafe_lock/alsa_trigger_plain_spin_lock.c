// SPDX-License-Identifier: GPL-2.0
/*
 * The bug twin of alsa_trigger_plain_spin_lock_ok.c. The trigger and
 * pointer ops may take chip->reg_lock with plain spin_lock() because the
 * PCM core calls them with interrupts off, but .prepare runs in plain
 * process context (from the PREPARE ioctl) and takes the same lock with
 * interrupts enabled: the period interrupt arriving on that CPU spins on
 * reg_lock forever. The finding is on the .prepare acquisition.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <sound/core.h>
#include <sound/pcm.h>

#define APC_CTRL	0x00
#define APC_STATUS	0x04
#define APC_BUF_ADDR	0x08
#define APC_BUF_SIZE	0x0c
#define APC_PERIOD	0x10
#define APC_HWPTR	0x14

#define APC_CTRL_RUN	0x01
#define APC_STS_PERIOD	0x01

struct apc_chip {
	spinlock_t reg_lock;		/* all register access */
	void __iomem *regs;
	struct snd_pcm_substream *substream;
	int irq;
};

static irqreturn_t apc_interrupt(int irq, void *dev_id)
{
	struct apc_chip *chip = dev_id;
	u32 status;

	spin_lock(&chip->reg_lock);
	status = readl(chip->regs + APC_STATUS);
	writel(status, chip->regs + APC_STATUS);
	spin_unlock(&chip->reg_lock);

	if (!(status & APC_STS_PERIOD))
		return IRQ_NONE;
	if (chip->substream)
		snd_pcm_period_elapsed(chip->substream);
	return IRQ_HANDLED;
}

static int apc_pcm_prepare(struct snd_pcm_substream *substream)
{
	struct apc_chip *chip = snd_pcm_substream_chip(substream);
	struct snd_pcm_runtime *runtime = substream->runtime;

	spin_lock(&chip->reg_lock);	//~ irq-unsafe-lock
	writel(runtime->dma_addr, chip->regs + APC_BUF_ADDR);
	writel(snd_pcm_lib_buffer_bytes(substream), chip->regs + APC_BUF_SIZE);
	writel(snd_pcm_lib_period_bytes(substream), chip->regs + APC_PERIOD);
	spin_unlock(&chip->reg_lock);
	return 0;
}

static int apc_pcm_trigger(struct snd_pcm_substream *substream, int cmd)
{
	struct apc_chip *chip = snd_pcm_substream_chip(substream);
	u32 ctrl;

	spin_lock(&chip->reg_lock);
	ctrl = readl(chip->regs + APC_CTRL);
	switch (cmd) {
	case SNDRV_PCM_TRIGGER_START:
		ctrl |= APC_CTRL_RUN;
		break;
	case SNDRV_PCM_TRIGGER_STOP:
		ctrl &= ~APC_CTRL_RUN;
		break;
	default:
		spin_unlock(&chip->reg_lock);
		return -EINVAL;
	}
	writel(ctrl, chip->regs + APC_CTRL);
	spin_unlock(&chip->reg_lock);
	return 0;
}

static snd_pcm_uframes_t apc_pcm_pointer(struct snd_pcm_substream *substream)
{
	struct apc_chip *chip = snd_pcm_substream_chip(substream);
	u32 pos;

	spin_lock(&chip->reg_lock);
	pos = readl(chip->regs + APC_HWPTR);
	spin_unlock(&chip->reg_lock);
	return bytes_to_frames(substream->runtime, pos);
}

static const struct snd_pcm_ops apc_pcm_ops = {
	.prepare	= apc_pcm_prepare,
	.trigger	= apc_pcm_trigger,
	.pointer	= apc_pcm_pointer,
};

int apc_probe(struct apc_chip *chip, struct snd_pcm *pcm)
{
	spin_lock_init(&chip->reg_lock);
	snd_pcm_set_ops(pcm, SNDRV_PCM_STREAM_PLAYBACK, &apc_pcm_ops);
	return request_irq(chip->irq, apc_interrupt, IRQF_SHARED, "apc", chip);
}
