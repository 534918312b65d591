// SPDX-License-Identifier: GPL-2.0
/*
 * The PCM trigger op of alsa_trigger_msleep.c, which waits for the codec's
 * DMA engine to go idle with msleep(), on a PCM the driver makes nonatomic
 * (`pcm->nonatomic = true`): the PCM core then calls .trigger under the
 * stream mutex with interrupts on, and it may sleep.
 */
#include <linux/delay.h>
#include <linux/io.h>
#include <sound/core.h>
#include <sound/pcm.h>

#define BSD_DMA_CTRL	0x20
#define BSD_DMA_STATUS	0x24

#define BSD_DMA_RUN	0x01
#define BSD_DMA_BUSY	0x02

struct bsd_chip {
	void __iomem *regs;
	unsigned int stop_timeouts;
};

static int bsd_pcm_trigger(struct snd_pcm_substream *substream, int cmd)
{
	struct bsd_chip *chip = snd_pcm_substream_chip(substream);
	int tries;

	switch (cmd) {
	case SNDRV_PCM_TRIGGER_START:
		writel(BSD_DMA_RUN, chip->regs + BSD_DMA_CTRL);
		return 0;
	case SNDRV_PCM_TRIGGER_STOP:
		writel(0, chip->regs + BSD_DMA_CTRL);
		for (tries = 0; tries < 10; tries++) {
			if (!(readl(chip->regs + BSD_DMA_STATUS) & BSD_DMA_BUSY))
				return 0;
			msleep(2);
		}
		chip->stop_timeouts++;
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

void bsd_pcm_init(struct snd_pcm *pcm)
{
	pcm->nonatomic = true;
	snd_pcm_set_ops(pcm, SNDRV_PCM_STREAM_PLAYBACK, &bsd_pcm_ops);
}
