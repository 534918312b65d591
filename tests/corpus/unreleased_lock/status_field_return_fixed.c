// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of status_field_return.c: the error is copied out under
 * the lock, the lock is dropped, and then the error is returned.
 */
#include <linux/list.h>
#include <linux/mutex.h>

struct hsens {
	struct mutex lock;		/* status, registers */
	struct list_head node;
	int status;			/* last bus error, or 0 */
	bool armed;
};

struct hsens_hub {
	struct list_head sensors;
};

int hsens_hub_arm(struct hsens_hub *hub)
{
	struct hsens *s;
	int err;

	list_for_each_entry(s, &hub->sensors, node) {
		mutex_lock(&s->lock);
		err = s->status;
		if (err >= 0)
			s->armed = true;
		mutex_unlock(&s->lock);
		if (err < 0)
			return err;
	}
	return 0;
}
