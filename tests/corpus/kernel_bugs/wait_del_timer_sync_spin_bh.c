// SPDX-License-Identifier: GPL-2.0
/*
 * del_timer_sync() while holding the spinlock the timer callback takes.
 *
 * Closing an LLC-style connection holds conn->lock (BHs off) to move the
 * state machine to CLOSED and stops the retransmit timer with
 * del_timer_sync(). The retransmit callback takes conn->lock first thing:
 * if it is running on another CPU, it spins on the lock while
 * del_timer_sync() spins waiting for it to return.
 *
 * Modelled on the networking fixes that moved del_timer_sync() out of a
 * section holding the lock the callback takes (NFC/LLCP, X.25 and
 * Bluetooth had this shape; no exact subject recalled).
 */
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

enum lcx_state { LCX_CLOSED, LCX_CONNECTED };

struct lcx_conn {
	spinlock_t lock;		/* state, retx_q */
	enum lcx_state state;
	struct sk_buff_head retx_q;
	struct timer_list retx_timer;
	unsigned int retries;
};

void lcx_xmit_skb(struct lcx_conn *c, struct sk_buff *skb);

static void lcx_retx_timer(struct timer_list *t)
{
	struct lcx_conn *c = from_timer(c, t, retx_timer);
	struct sk_buff *skb;

	spin_lock(&c->lock);
	if (c->state == LCX_CONNECTED) {
		skb = skb_peek(&c->retx_q);
		if (skb) {
			c->retries++;
			lcx_xmit_skb(c, skb_clone(skb, GFP_ATOMIC));
			mod_timer(&c->retx_timer, jiffies + HZ / 2);
		}
	}
	spin_unlock(&c->lock);
}

void lcx_conn_init(struct lcx_conn *c)
{
	spin_lock_init(&c->lock);
	skb_queue_head_init(&c->retx_q);
	timer_setup(&c->retx_timer, lcx_retx_timer, 0);
}

void lcx_conn_close(struct lcx_conn *c)
{
	spin_lock_bh(&c->lock);
	c->state = LCX_CLOSED;
	del_timer_sync(&c->retx_timer);	//~ wait-under-lock
	skb_queue_purge(&c->retx_q);
	spin_unlock_bh(&c->lock);
}
