// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of alsa_trigger_msleep.c: the trigger op only clears the
 * run bit and schedules a work item; the work item, in process context,
 * waits for the DMA engine to go idle.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/workqueue.h>
#include <sound/core.h>
#include <sound/pcm.h>

#define BSD_DMA_CTRL	0x20
#define BSD_DMA_STATUS	0x24

#define BSD_DMA_RUN	0x01
#define BSD_DMA_BUSY	0x02

struct bsd_chip {
	void __iomem *regs;
	struct work_struct stop_work;
	unsigned int stop_timeouts;
};

static void bsd_stop_work(struct work_struct *work)
{
	struct bsd_chip *chip = container_of(work, struct bsd_chip, stop_work);
	int tries;

	for (tries = 0; tries < 10; tries++) {
		if (!(readl(chip->regs + BSD_DMA_STATUS) & BSD_DMA_BUSY))
			return;
		msleep(2);
	}
	chip->stop_timeouts++;
}

static int bsd_pcm_trigger(struct snd_pcm_substream *substream, int cmd)
{
	struct bsd_chip *chip = snd_pcm_substream_chip(substream);

	switch (cmd) {
	case SNDRV_PCM_TRIGGER_START:
		writel(BSD_DMA_RUN, chip->regs + BSD_DMA_CTRL);
		return 0;
	case SNDRV_PCM_TRIGGER_STOP:
		writel(0, chip->regs + BSD_DMA_CTRL);
		schedule_work(&chip->stop_work);
		return 0;
	default:
		return -EINVAL;
	}
}

static snd_pcm_uframes_t bsd_pcm_pointer(struct snd_pcm_substream *substream)
{
	struct bsd_chip *chip = snd_pcm_substream_chip(substream);

	return bytes_to_frames(substream->runtime,
			       readl(chip->regs + BSD_DMA_STATUS) >> 8);
}

static const struct snd_pcm_ops bsd_pcm_ops = {
	.trigger	= bsd_pcm_trigger,
	.pointer	= bsd_pcm_pointer,
};

void bsd_pcm_init(struct bsd_chip *chip, struct snd_pcm *pcm)
{
	INIT_WORK(&chip->stop_work, bsd_stop_work);
	snd_pcm_set_ops(pcm, SNDRV_PCM_STREAM_PLAYBACK, &bsd_pcm_ops);
}
