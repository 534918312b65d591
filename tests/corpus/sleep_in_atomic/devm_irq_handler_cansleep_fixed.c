// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of devm_irq_handler_cansleep.c: the acknowledge line may
 * sit behind a sleeping expander, so the GPIO work moves to the thread
 * function of a threaded interrupt, which runs in process context. The
 * primary handler only counts and wakes the thread.
 */
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>

struct tsc_priv {
	struct device *dev;
	struct gpio_desc *ack_gpio;
	unsigned int events;
};

static irqreturn_t tsc_irq(int irq, void *data)
{
	struct tsc_priv *priv = data;

	priv->events++;
	return IRQ_WAKE_THREAD;
}

static irqreturn_t tsc_irq_thread(int irq, void *data)
{
	struct tsc_priv *priv = data;

	gpiod_set_value_cansleep(priv->ack_gpio, 1);
	gpiod_set_value_cansleep(priv->ack_gpio, 0);
	return IRQ_HANDLED;
}

static int tsc_probe(struct platform_device *pdev)
{
	struct tsc_priv *priv;
	int irq;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	priv->ack_gpio = devm_gpiod_get(&pdev->dev, "ack", GPIOD_OUT_LOW);
	if (IS_ERR(priv->ack_gpio))
		return PTR_ERR(priv->ack_gpio);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_threaded_irq(&pdev->dev, irq, tsc_irq, tsc_irq_thread,
					 IRQF_ONESHOT, "tsc", priv);
}
