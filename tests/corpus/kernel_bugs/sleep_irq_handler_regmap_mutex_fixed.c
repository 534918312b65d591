// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of sleep_irq_handler_regmap_mutex.c: the handler is the
 * thread function of a threaded IRQ with no primary handler.
 *
 * The bug was a hard IRQ handler that reaches a mutex.
 *
 * The accelerometer registers its data-ready interrupt with
 * devm_request_irq(), so acc_irq_handler() runs in hardirq context. It
 * reads the sample through acc_read_sample(), which takes data->lock, the
 * mutex guarding the chip's register window, before the I2C transfer.
 *
 * Modelled on the IIO fixes that switched a handler to
 * devm_request_threaded_irq() with a NULL primary handler because the
 * handler does bus I/O under a mutex (several "iio: ...: use threaded irq"
 * style fixes; no exact subject recalled).
 */
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>

struct acc_data {
	struct device *dev;
	struct mutex lock;		/* register window, sample */
	s16 sample[3];
	int irq;
};

int acc_bus_read(struct acc_data *data, u8 reg, void *buf, size_t len);
void acc_push_sample(struct acc_data *data);

static int acc_read_sample(struct acc_data *data)
{
	int ret;

	mutex_lock(&data->lock);
	ret = acc_bus_read(data, 0x28, data->sample, sizeof(data->sample));
	mutex_unlock(&data->lock);
	return ret;
}

static irqreturn_t acc_irq_handler(int irq, void *private)
{
	struct acc_data *data = private;

	if (acc_read_sample(data))
		return IRQ_NONE;
	acc_push_sample(data);
	return IRQ_HANDLED;
}

int acc_probe_irq(struct acc_data *data)
{
	mutex_init(&data->lock);
	return devm_request_threaded_irq(data->dev, data->irq, NULL,
					 acc_irq_handler,
					 IRQF_TRIGGER_RISING | IRQF_ONESHOT,
					 "acc-drdy", data);
}
