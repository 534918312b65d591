// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of lock_not_held_timeout_two_levels.c: the timeout work
 * keeps hba->lock held across the completion.
 *
 * The bug was a spinlock requirement two calls down, reached from a
 * timeout handler that dropped the lock too early.
 *
 * hba_complete_cmd() removes a command from the outstanding list and
 * asserts hba->lock with lockdep_assert_held(); the interrupt path and
 * the abort path call it under the lock. The command-timeout work takes
 * hba->lock to look the command up, drops it, and then finishes the
 * command through hba_fail_cmd() -> hba_complete_cmd() without the lock,
 * racing with the interrupt handler's list walk.
 *
 * Modelled on the SCSI LLD fixes that held the host lock across the
 * completion in an error-handling or timeout path after lockdep
 * assertions fired (several drivers; no exact subject recalled).
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct hba_cmd {
	struct list_head node;
	int tag;
	int result;
	void (*done)(struct hba_cmd *cmd);
};

struct hba_host {
	spinlock_t lock;		/* outstanding */
	struct list_head outstanding;
	struct work_struct timeout_work;
	int timed_out_tag;
};

static void hba_complete_cmd(struct hba_host *hba, struct hba_cmd *cmd,
			     int result)
{
	lockdep_assert_held(&hba->lock);

	list_del_init(&cmd->node);
	cmd->result = result;
	cmd->done(cmd);
}

static void hba_fail_cmd(struct hba_host *hba, struct hba_cmd *cmd)
{
	hba_complete_cmd(hba, cmd, -ETIMEDOUT);
}

static struct hba_cmd *hba_find_cmd(struct hba_host *hba, int tag)
{
	struct hba_cmd *cmd;

	list_for_each_entry(cmd, &hba->outstanding, node)
		if (cmd->tag == tag)
			return cmd;
	return NULL;
}

void hba_abort_cmd(struct hba_host *hba, int tag)
{
	struct hba_cmd *cmd;
	unsigned long flags;

	spin_lock_irqsave(&hba->lock, flags);
	cmd = hba_find_cmd(hba, tag);
	if (cmd)
		hba_complete_cmd(hba, cmd, -ECANCELED);
	spin_unlock_irqrestore(&hba->lock, flags);
}

static void hba_timeout_work(struct work_struct *work)
{
	struct hba_host *hba = container_of(work, struct hba_host,
					    timeout_work);
	struct hba_cmd *cmd;
	unsigned long flags;

	spin_lock_irqsave(&hba->lock, flags);
	cmd = hba_find_cmd(hba, hba->timed_out_tag);
	if (cmd)
		hba_fail_cmd(hba, cmd);
	spin_unlock_irqrestore(&hba->lock, flags);
}

void hba_init(struct hba_host *hba)
{
	spin_lock_init(&hba->lock);
	INIT_LIST_HEAD(&hba->outstanding);
	INIT_WORK(&hba->timeout_work, hba_timeout_work);
}
