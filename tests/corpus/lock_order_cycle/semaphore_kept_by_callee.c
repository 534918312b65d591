// SPDX-License-Identifier: GPL-2.0
/*
 * A superblock write takes the write semaphore and returns with it held;
 * the attach path keeps it across the uuid mutex and only then ups it,
 * while the detach path downs the semaphore under the uuid mutex: an
 * AB-BA between a semaphore and a mutex.
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

static void bwr_write_super_done(struct closure *cl)
{
	struct bwr_dev *d = container_of(cl, struct bwr_dev, sb_write);

	d->written = 1;
}

/* Returns with sb_write_mutex held: the caller ups it. */
static void bwr_write_super(struct bwr_dev *d, struct closure *parent)
{
	struct closure *cl = &d->sb_write;

	down(&d->sb_write_mutex);
	closure_init(cl, parent);
	bwr_submit_super(d, cl);
	closure_return_with_destructor(cl, bwr_write_super_done);
}

void bwr_attach(struct bwr_dev *d)
{
	bwr_write_super(d, NULL);
	mutex_lock(&d->uuid_lock);
	d->dirty = 0;
	mutex_unlock(&d->uuid_lock);
	up(&d->sb_write_mutex);
}

void bwr_detach(struct bwr_dev *d)
{
	mutex_lock(&d->uuid_lock);
	down(&d->sb_write_mutex);	//~ lock-order-cycle
	d->dirty = 1;
	up(&d->sb_write_mutex);
	mutex_unlock(&d->uuid_lock);
}
