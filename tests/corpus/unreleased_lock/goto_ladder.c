// SPDX-License-Identifier: GPL-2.0
/*
 * A goto cleanup ladder (out_unlock, out_free, out) with one rung wrong:
 * the "controller suspended" error is raised after bus_lock is taken but
 * jumps to out_free, below out_unlock, so the function returns -EBUSY
 * with the mutex held. The leak shows at the shared `return ret;`.
 */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

struct pmic_i2c {
	struct mutex bus_lock;		/* one transfer at a time */
	bool suspended;
	unsigned int xfers;
};

int pmic_i2c_write(struct pmic_i2c *i2c, const u8 *buf, size_t len);
int pmic_i2c_wait_ack(struct pmic_i2c *i2c);

int pmic_i2c_write_reg(struct pmic_i2c *i2c, u8 reg, const u8 *data,
		       size_t len)
{
	u8 *buf;
	int ret;

	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	buf[0] = reg;
	memcpy(buf + 1, data, len);

	mutex_lock(&i2c->bus_lock);
	if (i2c->suspended) {
		ret = -EBUSY;
		goto out_free;
	}
	ret = pmic_i2c_write(i2c, buf, len + 1);
	if (ret < 0)
		goto out_unlock;
	ret = pmic_i2c_wait_ack(i2c);
	i2c->xfers++;
out_unlock:
	mutex_unlock(&i2c->bus_lock);
out_free:
	kfree(buf);
out:
	return ret;	//~ unreleased-lock
}
