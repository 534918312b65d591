// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of entered_holding_relock.c: the helpers rely on the
 * hold their annotations document and take nothing themselves.
 */
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

enum tcport_state {
	TCPORT_DETACHED,
	TCPORT_ATTACHED,
	TCPORT_ERROR,
};

struct tcport {
	struct mutex lock;		/* state machine */
	spinlock_t evt_lock;		/* pending events */
	enum tcport_state state;
	unsigned long events;
};

void tcport_set_state(struct tcport *port, enum tcport_state state)
{
	lockdep_assert_held(&port->lock);

	port->state = state;
}

unsigned long tcport_take_events(struct tcport *port)
	__must_hold(&port->evt_lock)
{
	unsigned long ev;

	ev = port->events;
	port->events = 0;
	return ev;
}
