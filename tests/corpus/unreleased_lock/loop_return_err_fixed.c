// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of loop_return_err.c: the failing channel's mutex is
 * dropped before the loop is left with `break`, and the error is
 * returned after the loop.
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
	int ret = 0;

	for (i = 0; i < xd->nr_chan; i++) {
		struct xdmac_chan *c = &xd->chan[i];

		mutex_lock(&c->lock);
		ret = xdmac_chan_start(c);
		if (ret < 0) {
			mutex_unlock(&c->lock);
			break;
		}
		c->running = true;
		mutex_unlock(&c->lock);
	}
	return ret < 0 ? ret : 0;
}
