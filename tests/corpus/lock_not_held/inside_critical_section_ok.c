// SPDX-License-Identifier: GPL-2.0
/*
 * Every call to the helpers that require ctx->lock is made inside a
 * critical section: directly after the lock, in a loop body under it, and
 * through a relay that is itself only called with the lock held.
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>

struct evq_event {
	struct list_head node;
	unsigned int type;
};

struct evq_ctx {
	struct mutex lock;		/* events, nr_events, generation */
	struct list_head events;
	unsigned int nr_events;
	unsigned int generation;
};

static void evq_bump_generation(struct evq_ctx *ctx)
	__must_hold(&ctx->lock)
{
	ctx->generation++;
}

static void evq_queue_locked(struct evq_ctx *ctx, struct evq_event *ev)
{
	lockdep_assert_held(&ctx->lock);

	list_add_tail(&ev->node, &ctx->events);
	ctx->nr_events++;
}

/* Relay: never touches the lock, every caller holds it. */
static void evq_queue_and_bump(struct evq_ctx *ctx, struct evq_event *ev)
{
	evq_queue_locked(ctx, ev);
	evq_bump_generation(ctx);
}

void evq_post(struct evq_ctx *ctx, struct evq_event *ev)
{
	mutex_lock(&ctx->lock);
	evq_queue_and_bump(ctx, ev);
	mutex_unlock(&ctx->lock);
}

void evq_post_many(struct evq_ctx *ctx, struct evq_event **evs, unsigned int n)
{
	unsigned int i;

	mutex_lock(&ctx->lock);
	for (i = 0; i < n; i++)
		evq_queue_locked(ctx, evs[i]);
	evq_bump_generation(ctx);
	mutex_unlock(&ctx->lock);
}
