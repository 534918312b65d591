// SPDX-License-Identifier: GPL-2.0
/*
 * Range checks in the style of userfaultfd's register and unregister ioctls:
 * `do` loops whose `while` is a VMA iterator macro, `} for_each_vma_range(...);`.
 * Read as a call, the two functions parse as one syntax error and are lost.
 * Every way out of the loops under mmap_lock goes through the unlock.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>

struct ur_ctx {
	struct mm_struct *mm;
	unsigned long features;
};

int ur_register_range(struct ur_ctx *ctx, struct vm_area_struct *vma,
		      unsigned long start, unsigned long end);
void ur_unregister_range(struct ur_ctx *ctx, struct vm_area_struct *vma,
			 unsigned long start, unsigned long end);

int ur_register(struct ur_ctx *ctx, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = ctx->mm;
	struct vm_area_struct *vma, *cur;
	bool found = false;
	int ret = -EINVAL;
	VMA_ITERATOR(vmi, mm, start);

	mmap_write_lock(mm);
	vma = vma_find(&vmi, end);
	if (!vma)
		goto out_unlock;
	cur = vma;
	do {
		ret = -EPERM;
		if (!(cur->vm_flags & VM_MAYWRITE))
			goto out_unlock;
		ret = -EBUSY;
		if (cur->vm_private_data && cur->vm_private_data != ctx)
			goto out_unlock;
		found = true;
	} for_each_vma_range(vmi, cur, end);
	if (!found)
		goto out_unlock;

	ret = ur_register_range(ctx, vma, start, end);
out_unlock:
	mmap_write_unlock(mm);
	return ret;
}

int ur_unregister(struct ur_ctx *ctx, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = ctx->mm;
	struct vm_area_struct *vma, *cur;
	int ret = -EINVAL;
	VMA_ITERATOR(vmi, mm, start);

	mmap_write_lock(mm);
	vma = vma_find(&vmi, end);
	if (!vma)
		goto out_unlock;
	cur = vma;
	do {
		if (!(cur->vm_flags & VM_MAYWRITE))
			goto out_unlock;
	} for_each_vma_range(vmi, cur, end);

	ur_unregister_range(ctx, vma, start, end);
	ret = 0;
out_unlock:
	mmap_write_unlock(mm);
	return ret;
}
