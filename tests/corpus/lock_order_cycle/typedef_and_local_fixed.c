// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of typedef_and_local.c: the reset worker takes io_lock
 * before state_lock, as submit does through the typedef'd parameter.
 */
#include <linux/mutex.h>
#include <linux/workqueue.h>

enum foo_state {
	FOO_STATE_IDLE,
	FOO_STATE_BUSY,
	FOO_STATE_RESET,
};

struct foo_ctx {
	struct mutex io_lock;		/* serialises hardware I/O */
	struct mutex state_lock;	/* protects state */
	struct work_struct reset_work;
	enum foo_state state;
	size_t queued;
};

typedef struct foo_ctx foo_ctx_t;

int foo_ctx_submit(foo_ctx_t *ctx, const void *buf, size_t len)
{
	int ret = 0;

	mutex_lock(&ctx->io_lock);
	mutex_lock(&ctx->state_lock);
	if (ctx->state == FOO_STATE_RESET)
		ret = -EAGAIN;
	else
		ctx->state = FOO_STATE_BUSY;
	mutex_unlock(&ctx->state_lock);
	if (!ret)
		ctx->queued += len;
	mutex_unlock(&ctx->io_lock);
	return ret;
}

static void foo_ctx_reset_work(struct work_struct *work)
{
	struct foo_ctx *ctx = container_of(work, struct foo_ctx, reset_work);

	mutex_lock(&ctx->io_lock);
	mutex_lock(&ctx->state_lock);
	ctx->state = FOO_STATE_RESET;
	ctx->queued = 0;
	ctx->state = FOO_STATE_IDLE;
	mutex_unlock(&ctx->state_lock);
	mutex_unlock(&ctx->io_lock);
}

void foo_ctx_init(foo_ctx_t *ctx)
{
	mutex_init(&ctx->io_lock);
	mutex_init(&ctx->state_lock);
	INIT_WORK(&ctx->reset_work, foo_ctx_reset_work);
	ctx->state = FOO_STATE_IDLE;
}
