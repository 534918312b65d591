// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of lock_sock_dev_mutex.c: hot-unplug detaches the socket
 * list under the device mutex, drops the mutex, and only then takes each
 * socket's lock, so the socket lock is never taken under the device mutex.
 */
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <net/sock.h>

#define QTP_OPT_CHANNEL	1
#define QTP_NR_CHANNELS	64

struct qtp_dev {
	struct mutex lock;		/* channels, socks */
	struct list_head socks;
	unsigned long channels[BITS_TO_LONGS(QTP_NR_CHANNELS)];
};

struct qtp_sock {
	struct sock sk;			/* must be first */
	struct qtp_dev *qdev;
	struct list_head node;
	int channel;
};

static inline struct qtp_sock *qtp_sk(struct sock *sk)
{
	return container_of(sk, struct qtp_sock, sk);
}

static int qtp_reserve_channel(struct qtp_dev *qdev, int channel)
{
	if (channel < 0 || channel >= QTP_NR_CHANNELS)
		return -EINVAL;
	if (test_and_set_bit(channel, qdev->channels))
		return -EBUSY;
	return 0;
}

static int qtp_setsockopt(struct socket *sock, int level, int optname,
			  sockptr_t optval, unsigned int optlen)
{
	struct sock *sk = sock->sk;
	struct qtp_sock *qs = qtp_sk(sk);
	int channel, err;

	if (optname != QTP_OPT_CHANNEL || optlen < sizeof(int))
		return -ENOPROTOOPT;
	if (copy_from_sockptr(&channel, optval, sizeof(int)))
		return -EFAULT;

	lock_sock(sk);
	if (!qs->qdev) {
		err = -ENOTCONN;
		goto out;
	}
	mutex_lock(&qs->qdev->lock);
	err = qtp_reserve_channel(qs->qdev, channel);
	if (!err)
		qs->channel = channel;
	mutex_unlock(&qs->qdev->lock);
out:
	release_sock(sk);
	return err;
}

static int qtp_bind_dev(struct socket *sock, struct qtp_dev *qdev)
{
	struct sock *sk = sock->sk;
	struct qtp_sock *qs = qtp_sk(sk);
	int err = 0;

	lock_sock(sk);
	if (qs->qdev) {
		err = -EISCONN;
	} else {
		mutex_lock(&qdev->lock);
		list_add_tail(&qs->node, &qdev->socks);
		qs->qdev = qdev;
		mutex_unlock(&qdev->lock);
	}
	release_sock(sk);
	return err;
}

void qtp_dev_remove(struct qtp_dev *qdev)
{
	struct qtp_sock *qs, *tmp;
	LIST_HEAD(dead);

	mutex_lock(&qdev->lock);
	list_splice_init(&qdev->socks, &dead);
	mutex_unlock(&qdev->lock);

	list_for_each_entry_safe(qs, tmp, &dead, node) {
		lock_sock(&qs->sk);
		list_del_init(&qs->node);
		qs->qdev = NULL;
		qs->sk.sk_err = ENODEV;
		sk_error_report(&qs->sk);
		release_sock(&qs->sk);
	}
}
