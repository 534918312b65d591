// SPDX-License-Identifier: GPL-2.0
/*
 * Flag-correlated locking, `if (need_lock) spin_lock(&l); ... if
 * (need_lock) spin_unlock(&l);`, is balanced on its own: the two tests
 * agree. The leak is the oversize check between them, which returns
 * -EMSGSIZE holding the lock whenever need_lock was set.
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

	if (need_lock)
		spin_lock(&spi->lock);
	if (x->len > spi->fifo_size)
		return -EMSGSIZE;	//~ unreleased-lock
	ret = qspi_fifo_write(spi, x);
	if (need_lock)
		spin_unlock(&spi->lock);
	return ret;
}
