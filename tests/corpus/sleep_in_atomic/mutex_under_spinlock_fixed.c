// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mutex_under_spinlock.c: each client buffer is guarded
 * by a spinlock, nested inside the list lock in one fixed order.
 */
#include <linux/list.h>
#include <linux/spinlock.h>

struct evc_client {
	struct list_head node;
	spinlock_t buf_lock;		/* head, buf */
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
		spin_lock(&c->buf_lock);
		c->buf[c->head++ % ARRAY_SIZE(c->buf)] = ev;
		spin_unlock(&c->buf_lock);
	}
	spin_unlock(&ed->client_lock);
}
