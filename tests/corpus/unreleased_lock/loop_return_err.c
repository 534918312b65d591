// SPDX-License-Identifier: GPL-2.0
/*
 * A for loop over the DMA channels that takes each channel's mutex in
 * turn. A channel that fails to start returns its error from inside the
 * loop, skipping that channel's unlock.
 */
#include <linux/errno.h>
#include <linux/mutex.h>

#define XDMAC_NR_CHANNELS	8

struct xdmac_chan {
	struct mutex lock;		/* descriptors, running */
	bool running;
};

struct xdmac {
	struct xdmac_chan chan[XDMAC_NR_CHANNELS];
	unsigned int nr_chan;
};

int xdmac_chan_start(struct xdmac_chan *c);

int xdmac_start_all(struct xdmac *xd)
{
	unsigned int i;
	int ret;

	for (i = 0; i < xd->nr_chan; i++) {
		struct xdmac_chan *c = &xd->chan[i];

		mutex_lock(&c->lock);
		ret = xdmac_chan_start(c);
		if (ret < 0)
			return ret;	//~ unreleased-lock
		c->running = true;
		mutex_unlock(&c->lock);
	}
	return 0;
}
