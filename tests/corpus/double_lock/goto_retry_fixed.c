// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of goto_retry.c: the LOADING branch drops ldr->lock
 * before it waits and jumps back, so every arrival at `retry:` holds
 * nothing.
 */
#include <linux/firmware.h>
#include <linux/mutex.h>
#include <linux/wait.h>

enum fwldr_state {
	FWLDR_NONE,
	FWLDR_LOADING,
	FWLDR_READY,
	FWLDR_FAILED,
};

struct fwldr {
	struct mutex lock;		/* state, users */
	wait_queue_head_t wq;
	enum fwldr_state state;
	unsigned int users;
	const struct firmware *fw;
	struct device *dev;
};

int fwldr_request(struct fwldr *ldr);

int fwldr_get(struct fwldr *ldr)
{
	int ret = 0;

retry:
	mutex_lock(&ldr->lock);
	switch (ldr->state) {
	case FWLDR_LOADING:
		mutex_unlock(&ldr->lock);
		wait_event(ldr->wq, READ_ONCE(ldr->state) != FWLDR_LOADING);
		goto retry;
	case FWLDR_NONE:
	case FWLDR_FAILED:
		ldr->state = FWLDR_LOADING;
		mutex_unlock(&ldr->lock);
		ret = fwldr_request(ldr);	/* sleeps; others see LOADING */
		mutex_lock(&ldr->lock);
		ldr->state = ret ? FWLDR_FAILED : FWLDR_READY;
		wake_up_all(&ldr->wq);
		break;
	case FWLDR_READY:
		break;
	}
	if (!ret)
		ldr->users++;
	mutex_unlock(&ldr->lock);
	return ret;
}
