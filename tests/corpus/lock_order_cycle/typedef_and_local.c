// SPDX-License-Identifier: GPL-2.0
/*
 * One lock class reached two ways: through a typedef'd parameter
 * (foo_ctx_t *ctx) and through a local pointer declared with the struct
 * type and set by container_of(). Both &ctx->io_lock are
 * struct foo_ctx::io_lock, so submit (io_lock, then state_lock) and the
 * reset worker (state_lock, then io_lock) invert the order.
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

	mutex_lock(&ctx->state_lock);
	ctx->state = FOO_STATE_RESET;
	mutex_lock(&ctx->io_lock);	//~ lock-order-cycle
	ctx->queued = 0;
	mutex_unlock(&ctx->io_lock);
	ctx->state = FOO_STATE_IDLE;
	mutex_unlock(&ctx->state_lock);
}

void foo_ctx_init(foo_ctx_t *ctx)
{
	mutex_init(&ctx->io_lock);
	mutex_init(&ctx->state_lock);
	INIT_WORK(&ctx->reset_work, foo_ctx_reset_work);
	ctx->state = FOO_STATE_IDLE;
}
