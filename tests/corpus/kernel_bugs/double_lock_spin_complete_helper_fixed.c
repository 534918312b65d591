// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of double_lock_spin_complete_helper.c: cudc_done() is
 * called with udc->lock held and drops it only around the giveback.
 *
 * The bug was a spinlock taken again by a completion helper.
 *
 * The UDC's endpoint-disable path holds ep->udc->lock while it flushes
 * the endpoint's queue, and gives each request back through
 * cudc_done(), which takes udc->lock itself to update the queue
 * accounting before calling the gadget's completion. On SMP the CPU spins
 * on a lock it already holds.
 *
 * Modelled on the USB gadget fixes for a "recursive locking" in a
 * nuke()/done() pair, where done() was documented as "called with the
 * lock held" but took it anyway (several UDC drivers; no exact subject
 * recalled).
 */
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/usb/gadget.h>

struct cudc {
	spinlock_t lock;		/* endpoints' queues, ep0 state */
	unsigned int queued;
};

struct cudc_ep {
	struct usb_ep ep;
	struct cudc *udc;
	struct list_head queue;
};

struct cudc_req {
	struct usb_request req;
	struct list_head queue;
};

static void cudc_done(struct cudc_ep *ep, struct cudc_req *req, int status)
	__must_hold(&ep->udc->lock)
{
	list_del_init(&req->queue);
	ep->udc->queued--;
	req->req.status = status;

	spin_unlock(&ep->udc->lock);
	usb_gadget_giveback_request(&ep->ep, &req->req);
	spin_lock(&ep->udc->lock);
}

static int cudc_ep_disable(struct usb_ep *_ep)
{
	struct cudc_ep *ep = container_of(_ep, struct cudc_ep, ep);
	struct cudc_req *req;
	unsigned long flags;

	spin_lock_irqsave(&ep->udc->lock, flags);
	while (!list_empty(&ep->queue)) {
		req = list_first_entry(&ep->queue, struct cudc_req, queue);
		cudc_done(ep, req, -ESHUTDOWN);
	}
	spin_unlock_irqrestore(&ep->udc->lock, flags);
	return 0;
}

static const struct usb_ep_ops cudc_ep_ops = {
	.disable = cudc_ep_disable,
};
