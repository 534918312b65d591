// SPDX-License-Identifier: GPL-2.0
/*
 * Conditional locking: the helper that requires stats->lock is called only
 * on the branch where mutex_trylock() succeeded, in both common shapes
 * (bail out on failure, or work inside the success branch).
 */
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct nstat {
	struct mutex lock;		/* rx, tx, snapshot */
	u64 rx;
	u64 tx;
	u64 snapshot[2];
};

static void nstat_snapshot(struct nstat *stats)
{
	lockdep_assert_held(&stats->lock);

	stats->snapshot[0] = stats->rx;
	stats->snapshot[1] = stats->tx;
}

int nstat_try_snapshot(struct nstat *stats)
{
	if (!mutex_trylock(&stats->lock))
		return -EBUSY;
	nstat_snapshot(stats);
	mutex_unlock(&stats->lock);
	return 0;
}

bool nstat_poll(struct nstat *stats)
{
	bool done = false;

	if (mutex_trylock(&stats->lock)) {
		nstat_snapshot(stats);
		mutex_unlock(&stats->lock);
		done = true;
	}
	return done;
}
