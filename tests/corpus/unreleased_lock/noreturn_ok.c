// SPDX-License-Identifier: GPL-2.0
/*
 * Paths that end in a call that never returns are not leaks: BUG() and
 * panic() do not return, so the lock they "hold" is never returned with.
 * fsm_next() falls off the end of an int function after BUG() (every
 * valid state returns from the switch, unlocked); vault_seal() panics on
 * a corrupt key while holding the lock and otherwise unlocks.
 */
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/panic.h>
#include <linux/spinlock.h>

enum fsm_state {
	FSM_IDLE,
	FSM_ARMED,
	FSM_FIRED,
};

struct fsm {
	spinlock_t lock;		/* state */
	enum fsm_state state;
};

int fsm_next(struct fsm *f)
{
	spin_lock(&f->lock);
	switch (f->state) {
	case FSM_IDLE:
		f->state = FSM_ARMED;
		spin_unlock(&f->lock);
		return 0;
	case FSM_ARMED:
		f->state = FSM_FIRED;
		spin_unlock(&f->lock);
		return 1;
	case FSM_FIRED:
		spin_unlock(&f->lock);
		return -EBUSY;
	}
	BUG();
}

struct vault {
	struct mutex lock;		/* key */
	u32 key;
	u32 check;
	bool sealed;
};

void vault_seal(struct vault *v)
{
	mutex_lock(&v->lock);
	if ((v->key ^ v->check) != 0xffffffff)
		panic("vault: key corrupted (%08x/%08x)\n", v->key, v->check);
	v->sealed = true;
	mutex_unlock(&v->lock);
}
