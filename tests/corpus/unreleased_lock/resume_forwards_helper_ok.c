// SPDX-License-Identifier: GPL-2.0
/*
 * A seq_file-style iterator over a hash of listening sockets.
 * lsn_first() returns the first matching socket with its bucket's lock
 * held, or NULL with nothing held. lsn_resume() restarts a walk: where the
 * saved position is gone it drops the bucket lock, moves to the next bucket
 * and returns whatever lsn_first() returns there, so it too returns a
 * socket locked or NULL unlocked.
 */
#include <linux/spinlock.h>
#include <net/sock.h>

struct lsn_bucket {
	spinlock_t lock;
	struct hlist_head head;
};

struct lsn_iter {
	struct lsn_bucket *buckets;
	unsigned int nr_buckets;
	unsigned int bucket;
	unsigned int offset;
};

static struct sock *lsn_first(struct lsn_iter *it)
{
	for (; it->bucket < it->nr_buckets; it->bucket++) {
		struct lsn_bucket *b = &it->buckets[it->bucket];
		struct sock *sk;

		spin_lock(&b->lock);
		sk_for_each(sk, &b->head) {
			if (sk->sk_state == TCP_LISTEN)
				return sk;
		}
		spin_unlock(&b->lock);
	}
	return NULL;
}

static struct sock *lsn_skip(struct sock *sk, unsigned int offset)
{
	while (sk && offset--)
		sk = sk_next(sk);
	return sk;
}

static struct sock *lsn_resume(struct lsn_iter *it)
{
	unsigned int bucket = it->bucket;
	struct sock *sk;

	sk = lsn_first(it);
	if (sk && it->bucket == bucket && it->offset) {
		sk = lsn_skip(sk, it->offset);
		if (!sk) {
			spin_unlock(&it->buckets[it->bucket].lock);
			it->bucket++;
			sk = lsn_first(it);
		}
	}
	it->offset = 0;
	return sk;
}

void *lsn_seq_start(struct lsn_iter *it)
{
	return lsn_resume(it);
}

void lsn_seq_stop(struct lsn_iter *it, struct sock *sk)
{
	if (sk)
		spin_unlock(&it->buckets[it->bucket].lock);
}
