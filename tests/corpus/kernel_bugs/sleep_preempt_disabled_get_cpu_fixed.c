// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of sleep_preempt_disabled_get_cpu.c: the buffers are
 * allocated at probe time, outside the get_cpu() section.
 *
 * The bug was a sleeping allocation with preemption disabled by get_cpu().
 *
 * The crypto offload driver picks the per-CPU request context with
 * get_cpu(), which disables preemption until put_cpu(), and then lazily
 * allocates the context's bounce buffer with GFP_KERNEL in
 * cof_ctx_get_buf(). An allocation that may sleep runs with preemption
 * off ("BUG: sleeping function called from invalid context ...
 * preempt_count: 1").
 *
 * Modelled on the fixes that moved an allocation out of a
 * get_cpu()/put_cpu() section or switched to migrate_disable() (for
 * example in the crypto and padata code; no exact subject recalled).
 */
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/smp.h>

#define COF_BUF_SIZE	4096

struct cof_ctx {
	void *buf;
	unsigned int used;
};

struct cof_dev {
	struct cof_ctx __percpu *ctx;
};

int cof_hw_submit(struct cof_dev *cd, int cpu, void *buf, unsigned int len);

static void *cof_ctx_get_buf(struct cof_ctx *ctx)
{
	return ctx->buf;
}

int cof_alloc_bufs(struct cof_dev *cd)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct cof_ctx *ctx = per_cpu_ptr(cd->ctx, cpu);

		ctx->buf = kmalloc(COF_BUF_SIZE, GFP_KERNEL);
		if (!ctx->buf)
			return -ENOMEM;
	}
	return 0;
}

int cof_submit(struct cof_dev *cd, const void *src, unsigned int len)
{
	struct cof_ctx *ctx;
	void *buf;
	int cpu, ret;

	if (len > COF_BUF_SIZE)
		return -EINVAL;

	cpu = get_cpu();
	ctx = per_cpu_ptr(cd->ctx, cpu);
	buf = cof_ctx_get_buf(ctx);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	memcpy(buf, src, len);
	ret = cof_hw_submit(cd, cpu, buf, len);
out:
	put_cpu();
	return ret;
}
