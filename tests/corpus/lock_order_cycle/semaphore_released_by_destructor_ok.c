// SPDX-License-Identifier: GPL-2.0
/*
 * A superblock write downs the write semaphore and hands it to the
 * closure's destructor, which ups it when the I/O completes. The attach
 * path does not hold it across the uuid mutex after the write returns, so
 * the detach path's uuid mutex -> semaphore order is the only one.
 */
#include <linux/closure.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>

struct bwr_dev {
	struct semaphore sb_write_mutex;
	struct mutex uuid_lock;		/* dirty */
	struct closure sb_write;
	int dirty;
	int written;
};

void bwr_submit_super(struct bwr_dev *d, struct closure *cl);

static CLOSURE_CALLBACK(bwr_write_super_unlock)
{
	closure_type(d, struct bwr_dev, sb_write);

	d->written = 1;
	up(&d->sb_write_mutex);
}

static void bwr_write_super(struct bwr_dev *d, struct closure *parent)
{
	struct closure *cl = &d->sb_write;

	down(&d->sb_write_mutex);
	closure_init(cl, parent);
	bwr_submit_super(d, cl);
	closure_return_with_destructor(cl, bwr_write_super_unlock);
}

void bwr_attach(struct bwr_dev *d)
{
	bwr_write_super(d, NULL);
	mutex_lock(&d->uuid_lock);
	d->dirty = 0;
	mutex_unlock(&d->uuid_lock);
}

void bwr_detach(struct bwr_dev *d)
{
	mutex_lock(&d->uuid_lock);
	down(&d->sb_write_mutex);
	d->dirty = 1;
	up(&d->sb_write_mutex);
	mutex_unlock(&d->uuid_lock);
}
