// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of goto_double_unlock.c: the error path that already
 * dropped the mutex jumps to out_free, below out_unlock.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define SADC_BUF_SIZE	64

struct sadc {
	struct mutex lock;		/* mux and conversion */
	struct device *dev;
	unsigned int nr_channels;
};

int sadc_select(struct sadc *adc, unsigned int ch);
int sadc_convert(struct sadc *adc, u16 *buf);

int sadc_read_channel(struct sadc *adc, unsigned int ch, int *val)
{
	u16 *buf;
	int ret;

	buf = kzalloc(SADC_BUF_SIZE, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	if (ch >= adc->nr_channels) {
		ret = -EINVAL;
		goto out_free;
	}

	mutex_lock(&adc->lock);
	ret = sadc_select(adc, ch);
	if (ret)
		goto out_unlock;
	ret = sadc_convert(adc, buf);
	if (ret) {
		mutex_unlock(&adc->lock);
		dev_err(adc->dev, "conversion on channel %u failed: %d\n", ch, ret);
		goto out_free;
	}
	*val = buf[0];
out_unlock:
	mutex_unlock(&adc->lock);
out_free:
	kfree(buf);
out:
	return ret;
}
