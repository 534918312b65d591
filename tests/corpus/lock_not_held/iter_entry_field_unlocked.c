// SPDX-License-Identifier: GPL-2.0
/*
 * A seq_file-style VMA iterator, the way bpf's task_vma_seq_get_next()
 * works: a call that returns a VMA leaves mmap_lock read-held and records
 * the task in info->task, so the next call is entered holding the lock
 * exactly where info->task is set. Under contention this version drops the
 * lock to let the writer in but forgets to take it again: it walks the
 * VMA tree without it, and the end of the walk unlocks it a second time.
 */
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>

struct vmi_info {
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long prev_end;
};

struct task_struct *vmi_pick_task(struct vmi_info *info);
struct mm_struct *vmi_task_mm(struct task_struct *task);
struct vm_area_struct *vmi_lookup(struct mm_struct *mm, unsigned long addr);

static struct vm_area_struct *vmi_find(struct mm_struct *mm, unsigned long addr)
{
	lockdep_assert_held(&mm->mmap_lock);
	return vmi_lookup(mm, addr);
}

static struct vm_area_struct *vmi_next(struct vmi_info *info)
{
	struct vm_area_struct *vma;
	struct mm_struct *mm;

	if (info->task) {
		mm = info->mm;
		if (mmap_lock_is_contended(mm))
			mmap_read_unlock(mm);
	} else {
		info->task = vmi_pick_task(info);
		if (!info->task)
			return NULL;
		mm = vmi_task_mm(info->task);
		if (!mm)
			goto fail;
		if (mmap_read_lock_killable(mm))
			goto fail;
		info->mm = mm;
	}

	vma = vmi_find(mm, info->prev_end);	//~ lock-not-held
	if (!vma) {
		mmap_read_unlock(mm);	//~ unbalanced-unlock
		goto fail;
	}
	info->prev_end = vma->vm_end;
	return vma;

fail:
	info->task = NULL;
	return NULL;
}

void *vmi_seq_start(struct vmi_info *info)
{
	return vmi_next(info);
}
