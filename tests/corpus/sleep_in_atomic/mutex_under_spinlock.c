// SPDX-License-Identifier: GPL-2.0
/*
 * A mutex taken with a spinlock held. The client list is walked under the
 * list spinlock, and each client's buffer mutex is taken inside the walk;
 * mutex_lock() may sleep.
 */
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct evc_client {
	struct list_head node;
	struct mutex buf_lock;		/* head, buf */
	unsigned int head;
	u32 buf[32];
};

struct evc_dev {
	spinlock_t client_lock;		/* clients */
	struct list_head clients;
};

void evc_broadcast(struct evc_dev *ed, u32 ev)
{
	struct evc_client *c;

	spin_lock(&ed->client_lock);
	list_for_each_entry(c, &ed->clients, node) {
		mutex_lock(&c->buf_lock);	//~ sleep-in-atomic
		c->buf[c->head++ % ARRAY_SIZE(c->buf)] = ev;
		mutex_unlock(&c->buf_lock);
	}
	spin_unlock(&ed->client_lock);
}
