// SPDX-License-Identifier: GPL-2.0
/*
 * A seq_file-style iterator over a hash of listening sockets.
 * lsn_first() returns the first matching socket with its bucket's lock
 * held, or NULL with nothing held. lsn_resume() restarts a walk: where the
 * saved position is gone it drops the bucket lock and moves to the next
 * bucket. This version then returns the bucket's cached head socket
 * without taking the lock: its caller cannot tell a locked socket from an
 * unlocked one.
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

static struct sock *lsn_cached_head(struct lsn_iter *it)
{
	if (it->bucket >= it->nr_buckets)
		return NULL;
	return sk_head(&it->buckets[it->bucket].head);
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
			return lsn_cached_head(it);
		}
	}
	it->offset = 0;
	return sk;	//~ unreleased-lock
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
