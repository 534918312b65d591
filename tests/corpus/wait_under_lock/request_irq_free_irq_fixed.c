// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of request_irq_free_irq.c: streaming is stopped under the
 * lock, and the interrupt is freed after the lock is released.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define CAM_FRAME_STATUS	0x00

struct cam_dev {
	spinlock_t lock;		/* frames, streaming */
	void __iomem *regs;
	int irq;
	unsigned int frames;
	bool streaming;
};

static irqreturn_t cam_irq(int irq, void *dev_id)
{
	struct cam_dev *cam = dev_id;

	spin_lock(&cam->lock);
	if (cam->streaming && readl(cam->regs + CAM_FRAME_STATUS))
		cam->frames++;
	spin_unlock(&cam->lock);
	return IRQ_HANDLED;
}

int cam_start(struct cam_dev *cam)
{
	spin_lock_init(&cam->lock);
	cam->streaming = true;
	return request_irq(cam->irq, cam_irq, IRQF_SHARED, "cam", cam);
}

void cam_stop(struct cam_dev *cam)
{
	unsigned long flags;

	spin_lock_irqsave(&cam->lock, flags);
	cam->streaming = false;
	spin_unlock_irqrestore(&cam->lock, flags);
	free_irq(cam->irq, cam);
}
