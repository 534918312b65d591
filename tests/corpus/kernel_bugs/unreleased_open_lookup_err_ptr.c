// SPDX-License-Identifier: GPL-2.0
/*
 * An open() that returns to user space holding a global mutex.
 *
 * Opening a port looks the port up under the driver-wide ser_table_mutex.
 * The lookup can fail with an ERR_PTR (the port is being torn down), and
 * that branch returns PTR_ERR() without dropping the mutex; every later
 * open of any port then blocks.
 *
 * Modelled on "tty_open can return to userspace holding tty_mutex", where
 * __tty_open() returned PTR_ERR(tty) on a failed tty_driver_lookup_tty()
 * with tty_mutex still held.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mutex.h>

struct serx_port {
	struct kref kref;
	unsigned int index;
	unsigned int open_count;
	bool dying;
};

static DEFINE_MUTEX(ser_table_mutex);
static struct serx_port *ser_table[64];

static struct serx_port *serx_lookup(unsigned int index)
{
	struct serx_port *port;

	if (index >= ARRAY_SIZE(ser_table))
		return ERR_PTR(-ENODEV);
	port = ser_table[index];
	if (!port)
		return NULL;
	if (port->dying)
		return ERR_PTR(-EIO);
	return port;
}

int serx_port_activate(struct serx_port *port);

static int serx_open(struct inode *inode, struct file *filp)
{
	unsigned int index = iminor(inode);
	struct serx_port *port;
	int ret;

	mutex_lock(&ser_table_mutex);
	port = serx_lookup(index);
	if (IS_ERR(port))
		return PTR_ERR(port);	//~ unreleased-lock
	if (!port) {
		mutex_unlock(&ser_table_mutex);
		return -ENODEV;
	}
	kref_get(&port->kref);
	port->open_count++;
	mutex_unlock(&ser_table_mutex);

	ret = serx_port_activate(port);
	if (!ret)
		filp->private_data = port;
	return ret;
}

static const struct file_operations serx_fops = {
	.open = serx_open,
};
