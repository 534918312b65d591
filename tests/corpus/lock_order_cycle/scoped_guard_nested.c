// SPDX-License-Identifier: GPL-2.0
/*
 * A temperature sensor on I2C. Reading holds s->lock (guard) and then
 * s->bus_lock (guard); powering on or off nests scoped_guard(mutex,
 * &s->lock) inside scoped_guard(mutex, &s->bus_lock): the opposite order.
 *
 * foo_sensor_calibrate() also takes bus_lock then lock, but its guard lives
 * in a bare block that ends before mutex_lock(): no order there.
 */
#include <linux/cleanup.h>
#include <linux/i2c.h>
#include <linux/mutex.h>

#define FOO_REG_TEMP	0x00
#define FOO_REG_CTRL	0x01
#define FOO_REG_CALIB	0x02

struct foo_sensor {
	struct mutex lock;		/* powered, offset */
	struct mutex bus_lock;		/* I2C transfers */
	struct i2c_client *client;
	bool powered;
	int offset;
};

static int foo_sensor_read_temp(struct foo_sensor *s, int *val)
{
	int ret;

	guard(mutex)(&s->lock);
	if (!s->powered)
		return -ENODEV;

	guard(mutex)(&s->bus_lock);
	ret = i2c_smbus_read_word_data(s->client, FOO_REG_TEMP);
	if (ret < 0)
		return ret;
	*val = ret * 125 / 32 + s->offset;
	return 0;
}

static int foo_sensor_set_power(struct foo_sensor *s, bool on)
{
	int ret;

	scoped_guard(mutex, &s->bus_lock) {
		ret = i2c_smbus_write_byte_data(s->client, FOO_REG_CTRL, on);
		if (ret)
			return ret;
		scoped_guard(mutex, &s->lock) {	//~ lock-order-cycle
			s->powered = on;
		}
	}
	return 0;
}

static int foo_sensor_calibrate(struct foo_sensor *s)
{
	int raw;

	{
		guard(mutex)(&s->bus_lock);
		raw = i2c_smbus_read_word_data(s->client, FOO_REG_CALIB);
	}
	if (raw < 0)
		return raw;

	mutex_lock(&s->lock);
	s->offset = raw;
	mutex_unlock(&s->lock);
	return 0;
}
