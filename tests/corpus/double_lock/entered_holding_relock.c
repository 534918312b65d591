// SPDX-License-Identifier: GPL-2.0
/*
 * A lock taken again by a function that is entered holding it. When the
 * port state machine moved under port->lock, its helpers were annotated
 * — lockdep_assert_held() in one, __must_hold() on the other — but kept
 * their own acquisitions, which now wait for the caller's hold.
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

	mutex_lock(&port->lock);	//~ double-lock
	port->state = state;
	mutex_unlock(&port->lock);
}

unsigned long tcport_take_events(struct tcport *port)
	__must_hold(&port->evt_lock)
{
	unsigned long ev;

	spin_lock(&port->evt_lock);	//~ double-lock
	ev = port->events;
	port->events = 0;
	spin_unlock(&port->evt_lock);
	return ev;
}
