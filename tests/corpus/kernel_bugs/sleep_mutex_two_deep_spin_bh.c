// SPDX-License-Identifier: GPL-2.0
/*
 * A mutex two calls below a BH spinlock.
 *
 * The wireless driver's key-install path holds sc->tx_lock (BH off, the
 * TX tasklet shares it) and calls wlx_set_key_hw(), which writes the key
 * through wlx_reg_write(); the register helper serialises bus access with
 * sc->reg_mutex because the bus may be SDIO. mutex_lock() sleeps under
 * the spinlock.
 *
 * Modelled on the wireless-driver fixes titled along the lines of "fix
 * sleeping function called from invalid context", where a register
 * accessor that locks a mutex for a sleeping bus (USB/SDIO) was reached
 * under a spinlock (no exact subject line recalled). The fix moves the
 * hardware write out of the spinlock.
 */
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct wlx_softc {
	spinlock_t tx_lock;		/* tx queues, key_idx */
	struct mutex reg_mutex;		/* bus access */
	int key_idx;
	void *bus;
};

int wlx_bus_write32(void *bus, u32 reg, u32 val);

static int wlx_reg_write(struct wlx_softc *sc, u32 reg, u32 val)
{
	int ret;

	mutex_lock(&sc->reg_mutex);
	ret = wlx_bus_write32(sc->bus, reg, val);
	mutex_unlock(&sc->reg_mutex);
	return ret;
}

static int wlx_set_key_hw(struct wlx_softc *sc, int idx, const u32 *key)
{
	int i, ret = 0;

	for (i = 0; i < 4 && !ret; i++)
		ret = wlx_reg_write(sc, 0x400 + idx * 16 + i * 4, key[i]);
	return ret;
}

int wlx_install_key(struct wlx_softc *sc, int idx, const u32 *key)
{
	int ret;

	spin_lock_bh(&sc->tx_lock);
	ret = wlx_set_key_hw(sc, idx, key);	//~ sleep-in-atomic
	if (!ret)
		sc->key_idx = idx;
	spin_unlock_bh(&sc->tx_lock);
	return ret;
}
