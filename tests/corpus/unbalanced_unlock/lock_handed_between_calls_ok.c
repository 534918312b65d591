// SPDX-License-Identifier: GPL-2.0
/*
 * A demodulator's I2C gate: opening the gate takes the tuner bus lock
 * and returns holding it, closing the gate releases it, as the media
 * frontends' i2c_gate_ctrl() ops do. The two calls pair up in the
 * callers; no path of the function takes and releases the lock itself.
 */
#include <linux/i2c.h>
#include <linux/mutex.h>

struct demod_port {
	struct mutex i2c_gate_lock;	/* tuner bus, while the gate is open */
	struct i2c_adapter *adap;
	u8 gate;
};

int demod_write_reg(struct demod_port *port, u8 reg, u8 val);

static int demod_gate_ctrl(struct demod_port *port, int enable)
{
	int ret;

	if (enable)
		mutex_lock(&port->i2c_gate_lock);
	ret = demod_write_reg(port, port->gate, enable ? 1 : 0);
	if (!enable)
		mutex_unlock(&port->i2c_gate_lock);
	return ret;
}

int demod_tuner_write(struct demod_port *port, struct i2c_msg *msg)
{
	int ret;

	ret = demod_gate_ctrl(port, 1);
	if (ret)
		return ret;
	ret = i2c_transfer(port->adap, msg, 1);
	demod_gate_ctrl(port, 0);
	return ret == 1 ? 0 : -EIO;
}
