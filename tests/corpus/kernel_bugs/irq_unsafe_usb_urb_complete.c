// SPDX-License-Identifier: GPL-2.0
/*
 * A spinlock shared with a USB URB completion handler, taken with IRQs
 * enabled from a work item.
 *
 * URB completion handlers are called from the host controller's interrupt
 * handler (usb_hcd_giveback_urb() in hardirq context for most HCDs). The
 * interrupt-endpoint completion takes data->rxlock to queue the received
 * event; the RX work drains that queue taking data->rxlock with plain
 * spin_lock(). An HCD interrupt on the CPU running the work deadlocks.
 *
 * Modelled on the btusb fix for "inconsistent {IN-HARDIRQ-W} ->
 * {HARDIRQ-ON-W} usage" on data->rxlock in btusb_work(), which switched
 * the work to the _irqsave/_irqrestore variants.
 */
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/usb.h>
#include <linux/workqueue.h>

struct btx_data {
	struct usb_device *udev;
	spinlock_t rxlock;		/* evt_q */
	struct sk_buff_head evt_q;
	struct work_struct rx_work;
	struct urb *intr_urb;
	u8 *intr_buf;
	unsigned int intr_pipe;
};

void btx_deliver_event(struct btx_data *data, struct sk_buff *skb);

static void btx_intr_complete(struct urb *urb)
{
	struct btx_data *data = urb->context;
	struct sk_buff *skb;

	if (urb->status)
		return;
	skb = alloc_skb(urb->actual_length, GFP_ATOMIC);
	if (!skb)
		return;
	skb_put_data(skb, urb->transfer_buffer, urb->actual_length);

	spin_lock(&data->rxlock);
	__skb_queue_tail(&data->evt_q, skb);
	spin_unlock(&data->rxlock);

	schedule_work(&data->rx_work);
	usb_submit_urb(urb, GFP_ATOMIC);
}

static void btx_rx_work(struct work_struct *work)
{
	struct btx_data *data = container_of(work, struct btx_data, rx_work);
	struct sk_buff *skb;

	for (;;) {
		spin_lock(&data->rxlock);	//~ irq-unsafe-lock
		skb = __skb_dequeue(&data->evt_q);
		spin_unlock(&data->rxlock);
		if (!skb)
			break;
		btx_deliver_event(data, skb);
	}
}

int btx_submit_intr_urb(struct btx_data *data)
{
	INIT_WORK(&data->rx_work, btx_rx_work);
	usb_fill_int_urb(data->intr_urb, data->udev, data->intr_pipe,
			 data->intr_buf, 64, btx_intr_complete, data, 1);
	return usb_submit_urb(data->intr_urb, GFP_KERNEL);
}
