// SPDX-License-Identifier: GPL-2.0
/*
 * The twin of flag_bit_arg.c whose close holds the slot mutex and says so:
 * the queue leaves the mutex alone.
 */
#include <linux/mutex.h>
#include <linux/types.h>

#define QMFLAGS_IS_BLOCKING	BIT(0)
#define QMFLAGS_NO_MUTEX	BIT(1)

struct vstate {
	struct mutex slot_mutex;
	u32 tx_pos;
	bool blocking;
};

static int queue_message(struct vstate *state, u32 msgid, int flags)
{
	if (!(flags & QMFLAGS_NO_MUTEX)) {
		if (mutex_lock_interruptible(&state->slot_mutex))
			return -EAGAIN;
	}
	state->tx_pos += msgid;
	state->blocking = flags & QMFLAGS_IS_BLOCKING;
	if (!(flags & QMFLAGS_NO_MUTEX))
		mutex_unlock(&state->slot_mutex);
	return 0;
}

int close_service(struct vstate *state, u32 msgid)
{
	int status;

	mutex_lock(&state->slot_mutex);
	status = queue_message(state, msgid,
			       QMFLAGS_IS_BLOCKING | QMFLAGS_NO_MUTEX);
	mutex_unlock(&state->slot_mutex);
	return status;
}

int open_service(struct vstate *state, u32 msgid)
{
	return queue_message(state, msgid, QMFLAGS_IS_BLOCKING);
}
