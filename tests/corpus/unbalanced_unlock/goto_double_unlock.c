// SPDX-License-Identifier: GPL-2.0
/*
 * A goto ladder (out_unlock, out_free, out) where one error path unlocks
 * to print its message outside the lock and then jumps to out_unlock,
 * which unlocks again. The mark is on the out_unlock release, the one
 * that runs with the mutex already free on that path.
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
		goto out_unlock;
	}
	*val = buf[0];
out_unlock:
	mutex_unlock(&adc->lock);	//~ unbalanced-unlock
out_free:
	kfree(buf);
out:
	return ret;
}
