// SPDX-License-Identifier: GPL-2.0
/*
 * A mac80211 driver whose .tx op takes the firmware-command mutex to push
 * the frame through the command channel. mac80211 calls .tx with bottom
 * halves disabled (from the transmit softirq or under local_bh_disable()),
 * so the op must not sleep.
 */
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <net/mac80211.h>

struct wfc_priv {
	struct ieee80211_hw *hw;
	struct mutex cmd_mutex;		/* firmware command channel */
	unsigned int tx_frames;
};

int wfc_fw_send_frame(struct wfc_priv *priv, struct sk_buff *skb);

static void wfc_op_tx(struct ieee80211_hw *hw,
		      struct ieee80211_tx_control *control,
		      struct sk_buff *skb)
{
	struct wfc_priv *priv = hw->priv;

	mutex_lock(&priv->cmd_mutex);	//~ sleep-in-atomic
	if (wfc_fw_send_frame(priv, skb))
		ieee80211_free_txskb(hw, skb);
	else
		priv->tx_frames++;
	mutex_unlock(&priv->cmd_mutex);
}

static int wfc_op_start(struct ieee80211_hw *hw)
{
	struct wfc_priv *priv = hw->priv;

	mutex_lock(&priv->cmd_mutex);
	priv->tx_frames = 0;
	mutex_unlock(&priv->cmd_mutex);
	return 0;
}

static const struct ieee80211_ops wfc_ops = {
	.tx		= wfc_op_tx,
	.start		= wfc_op_start,
};

struct ieee80211_hw *wfc_alloc(void)
{
	return ieee80211_alloc_hw(sizeof(struct wfc_priv), &wfc_ops);
}
