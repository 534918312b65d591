// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of mac80211_tx_mutex.c: .tx only queues the frame under
 * a BH-safe spinlock and kicks a work item; the work item, in process
 * context, takes the firmware-command mutex and sends the queued frames.
 */
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <net/mac80211.h>

struct wfc_priv {
	struct ieee80211_hw *hw;
	struct mutex cmd_mutex;		/* firmware command channel */
	struct sk_buff_head tx_queue;
	struct work_struct tx_work;
	unsigned int tx_frames;
};

int wfc_fw_send_frame(struct wfc_priv *priv, struct sk_buff *skb);

static void wfc_tx_work(struct work_struct *work)
{
	struct wfc_priv *priv = container_of(work, struct wfc_priv, tx_work);
	struct sk_buff *skb;

	mutex_lock(&priv->cmd_mutex);
	while ((skb = skb_dequeue(&priv->tx_queue))) {
		if (wfc_fw_send_frame(priv, skb))
			ieee80211_free_txskb(priv->hw, skb);
		else
			priv->tx_frames++;
	}
	mutex_unlock(&priv->cmd_mutex);
}

static void wfc_op_tx(struct ieee80211_hw *hw,
		      struct ieee80211_tx_control *control,
		      struct sk_buff *skb)
{
	struct wfc_priv *priv = hw->priv;

	skb_queue_tail(&priv->tx_queue, skb);
	schedule_work(&priv->tx_work);
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
	struct ieee80211_hw *hw;
	struct wfc_priv *priv;

	hw = ieee80211_alloc_hw(sizeof(struct wfc_priv), &wfc_ops);
	if (!hw)
		return NULL;
	priv = hw->priv;
	priv->hw = hw;
	mutex_init(&priv->cmd_mutex);
	skb_queue_head_init(&priv->tx_queue);
	INIT_WORK(&priv->tx_work, wfc_tx_work);
	return hw;
}
