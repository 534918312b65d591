// SPDX-License-Identifier: GPL-2.0
/*
 * request_firmware() with a spinlock held. Loading the DSP image holds the
 * DSP state lock across the lookup, which may go to user space helpers or
 * the filesystem, and sleeps.
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

	spin_lock(&dsp->state_lock);
	if (dsp->running) {
		spin_unlock(&dsp->state_lock);
		return -EBUSY;
	}
	ret = request_firmware(&fw, "dsp/core.bin", dsp->dev);	//~ sleep-in-atomic
	if (!ret) {
		dsp->fw_size = fw->size;
		dsp->running = true;
	}
	spin_unlock(&dsp->state_lock);
	if (ret)
		return ret;
	ret = dsp_write_image(dsp, fw->data, fw->size);
	release_firmware(fw);
	return ret;
}
