// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin of lock_not_held_resume_path.c: the restore keeps
 * mvm->mutex held across the power-mode call.
 *
 * The bug was a lockdep_assert_held() helper reached from resume without
 * the mutex.
 *
 * wlm_set_power_mode() programs the firmware's power-save state and
 * documents its locking with lockdep_assert_held(&mvm->mutex); the
 * configuration paths call it under the mutex. The system-resume path
 * restores the power mode through wlm_restore_config(), which calls the
 * helper without taking mvm->mutex, racing with a concurrent
 * reconfiguration and firing the lockdep warning.
 *
 * Modelled on the iwlwifi/mac80211 fixes that added the missing mutex or
 * wiphy lock around a reconfiguration call in the resume path (the "hold
 * the mutex when calling ... in resume" kind; no exact subject recalled).
 */
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/pm.h>

struct wlm_dev {
	struct mutex mutex;		/* fw state, ps_mode */
	int ps_mode;
	bool fw_running;
};

int wlm_fw_send_ps_cmd(struct wlm_dev *mvm, int mode);

static int wlm_set_power_mode(struct wlm_dev *mvm, int mode)
{
	lockdep_assert_held(&mvm->mutex);

	if (!mvm->fw_running)
		return -EIO;
	mvm->ps_mode = mode;
	return wlm_fw_send_ps_cmd(mvm, mode);
}

int wlm_config_power(struct wlm_dev *mvm, int mode)
{
	int ret;

	mutex_lock(&mvm->mutex);
	ret = wlm_set_power_mode(mvm, mode);
	mutex_unlock(&mvm->mutex);
	return ret;
}

static int wlm_restore_config(struct wlm_dev *mvm)
{
	int ret;

	mutex_lock(&mvm->mutex);
	mvm->fw_running = true;
	ret = wlm_set_power_mode(mvm, mvm->ps_mode);
	mutex_unlock(&mvm->mutex);
	return ret;
}

static int wlm_resume(struct device *dev)
{
	struct wlm_dev *mvm = dev_get_drvdata(dev);

	return wlm_restore_config(mvm);
}

static const struct dev_pm_ops wlm_pm_ops = {
	.resume = wlm_resume,
};
