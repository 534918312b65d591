// SPDX-License-Identifier: GPL-2.0
/*
 * A mutex released twice on an error path.
 *
 * The firmware-load sysfs store drops fw->lock before calling
 * request_firmware() (which may wait for user space) and re-takes it
 * afterwards. The failure branch of request_firmware() jumps to the
 * common out_unlock label, which unlocks fw->lock a second time: the
 * mutex is not held there.
 *
 * Modelled on the smatch-reported "double unlock" fixes ("...: fix double
 * unlock in ...()" / "...: Fix a double mutex_unlock in error path";
 * several drivers, no exact subject recalled).
 */
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/mutex.h>

struct mcux_fw {
	struct device *dev;
	struct mutex lock;		/* state, image */
	const struct firmware *image;
	bool loading;
};

int mcux_flash_image(struct mcux_fw *fw);

static ssize_t load_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct mcux_fw *fw = dev_get_drvdata(dev);
	const struct firmware *image;
	int ret;

	mutex_lock(&fw->lock);
	if (fw->loading) {
		ret = -EBUSY;
		goto out_unlock;
	}
	fw->loading = true;
	mutex_unlock(&fw->lock);

	ret = request_firmware(&image, "mcux.bin", dev);
	if (ret)
		goto out_unlock;

	mutex_lock(&fw->lock);
	release_firmware(fw->image);
	fw->image = image;
	ret = mcux_flash_image(fw);
	fw->loading = false;
out_unlock:
	mutex_unlock(&fw->lock);	//~ unbalanced-unlock
	return ret ? ret : count;
}
