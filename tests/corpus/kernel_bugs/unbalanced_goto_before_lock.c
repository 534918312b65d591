// SPDX-License-Identifier: GPL-2.0
/*
 * An unlock of a spinlock that was never taken.
 *
 * The gadget's queue callback validates the request before taking
 * ep->lock, but the validation failure jumps to the same "out" label as
 * the later failures, and that label drops the lock: an unbalanced
 * spin_unlock_irqrestore() that also restores a garbage flags word.
 *
 * Modelled on USB gadget UDC fixes for an early "goto out" that skipped
 * the spin_lock_irqsave() but not the unlock (several UDC drivers; no
 * exact subject recalled).
 */
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/usb/gadget.h>

struct gudc_ep {
	struct usb_ep ep;
	spinlock_t lock;		/* queue, halted */
	struct list_head queue;
	bool halted;
};

struct gudc_req {
	struct usb_request req;
	struct list_head queue;
};

void gudc_kick_ep(struct gudc_ep *ep);

static int gudc_ep_queue(struct usb_ep *_ep, struct usb_request *_req,
			 gfp_t gfp)
{
	struct gudc_ep *ep = container_of(_ep, struct gudc_ep, ep);
	struct gudc_req *req = container_of(_req, struct gudc_req, req);
	unsigned long flags;
	int ret = 0;

	if (!_req->complete || !_req->buf) {
		ret = -EINVAL;
		goto out;
	}

	spin_lock_irqsave(&ep->lock, flags);
	if (ep->halted) {
		ret = -EPIPE;
		goto out;
	}
	_req->status = -EINPROGRESS;
	_req->actual = 0;
	list_add_tail(&req->queue, &ep->queue);
	gudc_kick_ep(ep);
out:
	spin_unlock_irqrestore(&ep->lock, flags);	//~ unbalanced-unlock
	return ret;
}

static const struct usb_ep_ops gudc_ep_ops = {
	.queue = gudc_ep_queue,
};
