// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of request_firmware_under_spinlock.c: the image is
 * requested first; the lock covers only the check and update of the state.
 */
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/spinlock.h>

struct dsp_core {
	struct device *dev;
	spinlock_t state_lock;		/* running, fw_size */
	bool running;
	size_t fw_size;
};

int dsp_write_image(struct dsp_core *dsp, const u8 *data, size_t size);

int dsp_boot(struct dsp_core *dsp)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, "dsp/core.bin", dsp->dev);
	if (ret)
		return ret;
	spin_lock(&dsp->state_lock);
	if (dsp->running) {
		spin_unlock(&dsp->state_lock);
		release_firmware(fw);
		return -EBUSY;
	}
	dsp->fw_size = fw->size;
	dsp->running = true;
	spin_unlock(&dsp->state_lock);
	ret = dsp_write_image(dsp, fw->data, fw->size);
	release_firmware(fw);
	return ret;
}
