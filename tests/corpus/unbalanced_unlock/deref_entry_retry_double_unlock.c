// SPDX-License-Identifier: GPL-2.0
/*
 * A copy loop entered with the context's map_changing_lock read-held and
 * a VMA in hand, in the style of userfaultfd's mfill_atomic_hugetlb(): on
 * -EAGAIN it drops the lock, forgets the VMA and retries, taking the lock
 * again only where the VMA is gone. The VMA is dereferenced on entry, so
 * the retake never happens on the way in. Where the retried lookup finds
 * no VMA, this version unlocks before jumping to the label that unlocks
 * again.
 */
#include <linux/mm.h>
#include <linux/rwsem.h>

struct ufx_ctx {
	struct rw_semaphore map_changing_lock;
	atomic_t mmap_changing;
};

struct vm_area_struct *ufx_find_vma(struct mm_struct *mm, unsigned long addr);
int ufx_copy_one(struct vm_area_struct *vma, unsigned long addr);

static long ufx_copy_retry(struct ufx_ctx *ctx, struct vm_area_struct *vma,
			   unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	long err;

	if (addr & ~PAGE_MASK) {
		up_read(&ctx->map_changing_lock);
		return -EINVAL;
	}
retry:
	if (!vma) {
		down_read(&ctx->map_changing_lock);
		vma = ufx_find_vma(mm, addr);
		if (!vma) {
			up_read(&ctx->map_changing_lock);
			err = -ENOENT;
			goto out_unlock;
		}
	}
	err = ufx_copy_one(vma, addr);
	if (err == -EAGAIN) {
		up_read(&ctx->map_changing_lock);
		vma = NULL;
		goto retry;
	}
out_unlock:
	up_read(&ctx->map_changing_lock);	//~ unbalanced-unlock
	return err;
}

long ufx_copy(struct ufx_ctx *ctx, struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	down_read(&ctx->map_changing_lock);
	if (atomic_read(&ctx->mmap_changing)) {
		up_read(&ctx->map_changing_lock);
		return -EAGAIN;
	}
	vma = ufx_find_vma(mm, addr);
	if (!vma) {
		up_read(&ctx->map_changing_lock);
		return -ENOENT;
	}
	return ufx_copy_retry(ctx, vma, addr);
}
