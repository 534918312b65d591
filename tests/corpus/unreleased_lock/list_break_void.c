// SPDX-License-Identifier: GPL-2.0
/*
 * A list_for_each_entry() loop that takes each port's lock in turn. The
 * error branch breaks out holding the current port's lock, and the void
 * function falls off its end with it: the leak shows at the closing brace.
 */
#include <linux/io.h>
#include <linux/list.h>
#include <linux/spinlock.h>

#define UHUB_PORT_CTRL_SUSPEND	0x4

enum uhub_port_state {
	UHUB_PORT_ACTIVE,
	UHUB_PORT_SUSPENDED,
	UHUB_PORT_ERROR,
};

struct uhub_port {
	spinlock_t lock;		/* state, ctrl register */
	struct list_head node;
	enum uhub_port_state state;
	void __iomem *ctrl;
};

struct uhub {
	struct list_head ports;
};

void uhub_suspend_ports(struct uhub *hub)
{
	struct uhub_port *port;

	list_for_each_entry(port, &hub->ports, node) {
		spin_lock_irq(&port->lock);
		if (port->state == UHUB_PORT_ERROR)
			break;	/* the hub reset will deal with it */
		port->state = UHUB_PORT_SUSPENDED;
		writel(UHUB_PORT_CTRL_SUSPEND, port->ctrl);
		spin_unlock_irq(&port->lock);
	}
}	//~ unreleased-lock
