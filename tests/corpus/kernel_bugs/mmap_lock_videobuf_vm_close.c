// SPDX-License-Identifier: GPL-2.0
/*
 * A video buffer queue lock against mmap_lock.
 *
 * QBUF for a USERPTR buffer holds q->lock and then takes the caller's
 * mmap_lock for reading to pin the user pages: q->lock -> mmap_lock.
 * munmap() of one of the queue's MMAP buffers holds mmap_lock for writing
 * while it calls the vm_operations_struct .close handler, and
 * vidq_vm_close() takes q->lock to drop the mapping count:
 * mmap_lock -> q->lock.
 *
 * Modelled on "V4L/DVB (6268): V4L: Fix a lock inversion in generic
 * videobuf code", which takes mmap_lock before q->lock in qbuf.
 */
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mutex.h>
#include <linux/sched.h>

#define VIDQ_MAX_PAGES	256

struct vidq_buf {
	unsigned long uaddr;
	unsigned int nr_pages;
	struct page *pages[VIDQ_MAX_PAGES];
	unsigned int map_count;
};

struct vidq_queue {
	struct mutex lock;		/* bufs[], streaming */
	struct vidq_buf *bufs[32];
	bool streaming;
};

static void vidq_vm_close(struct vm_area_struct *vma)
{
	struct vidq_queue *q = vma->vm_private_data;
	struct vidq_buf *buf = q->bufs[vma->vm_pgoff & 31];

	mutex_lock(&q->lock);
	buf->map_count--;
	mutex_unlock(&q->lock);
}

static const struct vm_operations_struct vidq_vm_ops = {
	.close	= vidq_vm_close,
};

int vidq_qbuf_userptr(struct vidq_queue *q, unsigned int idx,
		      unsigned long uaddr)
{
	struct vidq_buf *buf;
	long pinned;
	int ret = 0;

	mutex_lock(&q->lock);
	buf = q->bufs[idx];
	if (!buf) {
		ret = -EINVAL;
		goto out;
	}
	mmap_read_lock(current->mm);	//~ lock-order-cycle
	pinned = get_user_pages(uaddr, buf->nr_pages, FOLL_WRITE, buf->pages);
	mmap_read_unlock(current->mm);
	if (pinned != buf->nr_pages)
		ret = -EFAULT;
	else
		buf->uaddr = uaddr;
out:
	mutex_unlock(&q->lock);
	return ret;
}
