// SPDX-License-Identifier: GPL-2.0
/*
 * An error code kept in a structure field: the sensor's last bus error
 * is tested negative under its lock and returned as is, leaking the
 * lock. The value returned is an error code (it was just tested `< 0`),
 * so this is not the "held exactly on success" shape, even though the
 * unlocked return is 0.
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

	list_for_each_entry(s, &hub->sensors, node) {
		mutex_lock(&s->lock);
		if (s->status < 0)
			return s->status;	//~ unreleased-lock
		s->armed = true;
		mutex_unlock(&s->lock);
	}
	return 0;
}
