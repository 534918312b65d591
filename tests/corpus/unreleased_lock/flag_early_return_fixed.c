// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of flag_early_return.c: the size check runs before the
 * conditional lock. What is left is flag-correlated locking — taken and
 * released under the same test — which must stay silent: no path holds
 * the lock at the return, and no path releases it untaken.
 */
#include <linux/errno.h>
#include <linux/spinlock.h>

struct qspi_xfer {
	const void *tx_buf;
	unsigned int len;
};

struct qspi {
	spinlock_t lock;		/* FIFO, used by the IRQ path too */
	unsigned int fifo_size;
};

int qspi_fifo_write(struct qspi *spi, const struct qspi_xfer *x);

int qspi_transfer_one(struct qspi *spi, const struct qspi_xfer *x,
		      bool need_lock)
{
	int ret;

	if (x->len > spi->fifo_size)
		return -EMSGSIZE;
	if (need_lock)
		spin_lock(&spi->lock);
	ret = qspi_fifo_write(spi, x);
	if (need_lock)
		spin_unlock(&spi->lock);
	return ret;
}
