// SPDX-License-Identifier: GPL-2.0
/*
 * A devm_request_irq() handler that drives a GPIO through the _cansleep
 * accessor. The reset line sits behind an I2C expander on some boards,
 * so the accessor may sleep, and the handler runs in hardirq context.
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
	gpiod_set_value_cansleep(priv->ack_gpio, 1);	//~ sleep-in-atomic
	gpiod_set_value_cansleep(priv->ack_gpio, 0);	//~ sleep-in-atomic
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
	return devm_request_irq(&pdev->dev, irq, tsc_irq, 0, "tsc", priv);
}
