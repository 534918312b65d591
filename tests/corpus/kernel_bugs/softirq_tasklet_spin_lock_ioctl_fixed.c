// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of softirq_tasklet_spin_lock_ioctl.c: the flush helper
 * uses spin_lock_bh().
 *
 * The bug was a spinlock shared with a tasklet, taken from an ioctl
 * without BHs off.
 *
 * The crypto accelerator completes requests from a tasklet, which takes
 * eng->queue_lock to pop finished requests. The "flush queue" ioctl
 * helper empties the same queue from process context with spin_lock(),
 * one call below the ioctl: a tasklet run on that CPU (on irq_exit) while
 * the lock is held spins forever.
 *
 * Modelled on the crypto-driver fixes that made process-context users of
 * a tasklet-shared queue lock use spin_lock_bh() (several drivers; no
 * exact subject recalled).
 */
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#define CAX_IOC_FLUSH	0xca01

struct cax_req {
	struct list_head node;
	int status;
	void (*complete)(struct cax_req *req, int err);
};

struct cax_engine {
	spinlock_t queue_lock;		/* done_list */
	struct list_head done_list;
	struct tasklet_struct done_tasklet;
};

static void cax_done_tasklet(struct tasklet_struct *t)
{
	struct cax_engine *eng = from_tasklet(eng, t, done_tasklet);
	struct cax_req *req;

	for (;;) {
		spin_lock(&eng->queue_lock);
		req = list_first_entry_or_null(&eng->done_list,
					       struct cax_req, node);
		if (req)
			list_del(&req->node);
		spin_unlock(&eng->queue_lock);
		if (!req)
			break;
		req->complete(req, req->status);
	}
}

static void cax_flush_done(struct cax_engine *eng)
{
	struct cax_req *req, *tmp;

	spin_lock_bh(&eng->queue_lock);
	list_for_each_entry_safe(req, tmp, &eng->done_list, node) {
		list_del(&req->node);
		req->complete(req, -ECANCELED);
	}
	spin_unlock_bh(&eng->queue_lock);
}

static long cax_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct cax_engine *eng = file->private_data;

	if (cmd != CAX_IOC_FLUSH)
		return -ENOTTY;
	cax_flush_done(eng);
	return 0;
}

void cax_engine_init(struct cax_engine *eng)
{
	spin_lock_init(&eng->queue_lock);
	INIT_LIST_HEAD(&eng->done_list);
	tasklet_setup(&eng->done_tasklet, cax_done_tasklet);
}

static const struct file_operations cax_fops = {
	.unlocked_ioctl = cax_ioctl,
};
